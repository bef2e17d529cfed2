import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { NoShows } from "../../src/domain/meetings/no-shows.js";
import { SeekerStops } from "../../src/domain/requests/seeker-stops.js";
import { SettingsService } from "../../src/domain/settings/service.js";
import { createStore, type Store } from "../../src/store/store.js";
import { DAY } from "../requests/helpers.js";

const G = "111111111111111111";
const LIBRARIAN = "222222222222222222";
const SEEKER = "333333333333333333";
const { noShowWindowMs, noShowStopMs } = loadConfig({});

let store: Store;
let settings: SettingsService;
let clock: { now: number };
let noShows: NoShows;
beforeEach(async () => {
  store = await createStore({ url: "memory://" });
  settings = new SettingsService(store);
  await settings.load();
  clock = { now: Date.UTC(2026, 0, 5) };
  noShows = new NoShows(store, settings, () => clock.now, { windowMs: noShowWindowMs, stopMs: noShowStopMs });
});
afterEach(() => store.close());

const librarianNoShow = (requestId: string) =>
  noShows.record(G, LIBRARIAN, { requestId, reportedBy: SEEKER, role: "librarian" });

describe("the no-show ladder", () => {
  it("pauses a librarian at the second no-show within 90 days, once per interview", async () => {
    const first = await librarianNoShow("r1");
    expect(first).toMatchObject({ counted: 1, limit: 2 });
    expect(first.consequence).toBeUndefined();
    expect(await librarianNoShow("r1")).toMatchObject({ counted: 1 });
    clock.now += 10 * DAY;
    const second = await librarianNoShow("r2");
    expect(second).toMatchObject({
      counted: 2,
      consequence: { kind: "pause", at: clock.now, requestId: "r2" },
    });
    expect(second.consequence?.until).toBeUndefined();
    // Asked again about the same interview (a rerun after a crash), it answers the same.
    expect((await librarianNoShow("r2")).consequence).toEqual(second.consequence);
    expect((await noShows.get(G, LIBRARIAN))?.entries).toHaveLength(2);
  });

  it("goes by NO_SHOW_WINDOW and NO_SHOW_STOP when they are changed", async () => {
    const { noShowWindowMs: windowMs, noShowStopMs: stopMs } = loadConfig({
      NO_SHOW_WINDOW: "10d",
      NO_SHOW_STOP: "5d",
    });
    const shorter = new NoShows(store, settings, () => clock.now, { windowMs, stopMs });
    const seekerNoShow = (requestId: string) =>
      shorter.record(G, SEEKER, { requestId, reportedBy: LIBRARIAN, role: "seeker" });
    await seekerNoShow("r1");
    clock.now += 11 * DAY;
    // Within the default 90 days, but not within 10.
    expect((await seekerNoShow("r2")).counted).toBe(1);
    clock.now += 9 * DAY;
    const third = await seekerNoShow("r3");
    expect(third.counted).toBe(2);
    expect(third.consequence).toMatchObject({ kind: "stop", until: clock.now + 5 * DAY });
  });

  it("stops a seeker for 30 days, and lets no-shows older than 90 days go", async () => {
    const seekerNoShow = (requestId: string) =>
      noShows.record(G, SEEKER, { requestId, reportedBy: LIBRARIAN, role: "seeker" });
    await seekerNoShow("r1");
    clock.now += noShowWindowMs + DAY;
    expect((await seekerNoShow("r2")).counted).toBe(1);
    expect((await noShows.get(G, SEEKER))?.entries.map((entry) => entry.requestId)).toEqual(["r2"]);
    const third = await seekerNoShow("r3");
    expect(third.consequence).toEqual({
      kind: "stop",
      at: clock.now,
      until: clock.now + noShowStopMs,
      requestId: "r3",
    });
  });

  it("follows the server's limit from /config", async () => {
    await settings.update(G, { noShowsBeforePause: 1 });
    expect((await librarianNoShow("r1")).consequence?.kind).toBe("pause");
  });

  it("forgiving takes a no-show off the count and hands back the pause once it no longer holds", async () => {
    await settings.update(G, { noShowsBeforePause: 2 });
    await librarianNoShow("r1");
    await librarianNoShow("r2");
    await librarianNoShow("r3");
    const one = await noShows.forgive(G, LIBRARIAN, "r1", "mod");
    // Two still count: the pause holds.
    expect(one).toMatchObject({ forgiven: true, counted: 2 });
    expect(one.lifted).toBeUndefined();
    const two = await noShows.forgive(G, LIBRARIAN, "r3", "mod");
    expect(two).toMatchObject({ forgiven: true, counted: 1, lifted: { kind: "pause", requestId: "r3" } });
    expect((await noShows.get(G, LIBRARIAN))?.consequence).toBeUndefined();
    expect(await noShows.forgive(G, LIBRARIAN, "r3", "mod")).toMatchObject({ forgiven: false });
    expect(await noShows.forgive(G, "444444444444444444", "r1", "mod")).toMatchObject({
      forgiven: false,
      counted: 0,
    });
  });

  it("counts concurrent no-shows for one person without losing any", async () => {
    await Promise.all(["a", "b", "c", "d"].map((id) => librarianNoShow(id)));
    expect((await noShows.get(G, LIBRARIAN))?.entries).toHaveLength(4);
  });
});

describe("a seeker stop with an end", () => {
  it("refuses until the end, then lifts by itself; a moderator's stop stays and is never replaced", async () => {
    const stops = new SeekerStops(
      store,
      () => clock.now,
      (_guild, user) => `code-${user}`,
    );
    const until = clock.now + noShowStopMs;
    await stops.stopUntil(G, SEEKER, until);
    expect(stops.stoppedUntil(G, SEEKER)).toBe(until);
    expect(stops.isStopped(G, SEEKER)).toBe(true);
    clock.now = until;
    expect(stops.isStopped(G, SEEKER)).toBe(false);

    await stops.stop(G, LIBRARIAN, "mod");
    await stops.stopUntil(G, LIBRARIAN, clock.now + DAY);
    expect(stops.stoppedUntil(G, LIBRARIAN)).toBe(Number.POSITIVE_INFINITY);
    expect(await stops.liftTimed(G, LIBRARIAN)).toBe(false);
    expect(stops.isStopped(G, LIBRARIAN)).toBe(true);

    await stops.stopUntil(G, SEEKER, clock.now + DAY);
    expect(await stops.liftTimed(G, SEEKER)).toBe(true);
    expect(stops.isStopped(G, SEEKER)).toBe(false);
    // Read back after a restart.
    const reloaded = new SeekerStops(
      store,
      () => clock.now,
      (_guild, user) => `code-${user}`,
    );
    await reloaded.load();
    expect(reloaded.isStopped(G, LIBRARIAN)).toBe(true);
    expect(reloaded.isStopped(G, SEEKER)).toBe(false);
  });
});
