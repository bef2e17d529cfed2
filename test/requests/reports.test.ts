import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/domain/errors.js";
import { ASKING_STOPPED } from "../../src/domain/requests/messages.js";
import { RequestRefused } from "../../src/domain/requests/refusal.js";
import type { InterviewRequest } from "../../src/domain/requests/request.js";
import { createRequests } from "../../src/domain/requests/requests.js";
import { guildKey } from "../../src/store/store.js";
import { type Fixture, fixture, GUILD, limitOf, refusal, requestInput, TERMS } from "./helpers.js";

let f: Fixture;
let request: InterviewRequest;
beforeEach(async () => {
  f = await fixture();
  request = await f.requests.lifecycle.create(requestInput("s", "m"), TERMS);
});
afterEach(() => f.store.close());

describe("reports", () => {
  it("files one report per person per request, keeping the first reason", async () => {
    const first = await f.requests.reports.file(GUILD, request.id, "m", "  Rude and\u0000 pushy.  ");
    expect(first).toEqual({
      created: true,
      report: {
        guildId: GUILD,
        requestId: request.id,
        reporterId: "m",
        reporterSide: "librarian",
        reportedId: "s",
        reason: "Rude and pushy.",
        createdAt: f.clock.now,
      },
    });
    const second = await f.requests.reports.file(GUILD, request.id, "m", "Something else");
    expect(second).toEqual({ created: false, report: first.report });
    const bySeeker = await f.requests.reports.file(GUILD, request.id, "s", "They never showed up.");
    expect(bySeeker.created).toBe(true);
    expect(bySeeker.report).toMatchObject({ reporterSide: "seeker", reportedId: "m" });
    expect(await f.requests.reports.get(GUILD, request.id, "m")).toEqual(first.report);
  });

  it("takes a report from the two people in the request only, with a reason of 1-1,000 characters", async () => {
    expect(await refusal(f.requests.reports.file(GUILD, request.id, "x", "Spam"))).toBe(
      "UserError: Only the two people in this request can report it.",
    );
    expect(await refusal(f.requests.reports.file(GUILD, request.id, "m", "   "))).toMatch(
      /say what happened/,
    );
    expect(await refusal(f.requests.reports.file(GUILD, request.id, "m", "x".repeat(1001)))).toBe(
      "UserError: The reason is 1001 characters; the limit is 1000.",
    );
    await expect(f.requests.reports.file(GUILD, request.id, "m", "x".repeat(1000))).resolves.toMatchObject({
      created: true,
    });
  });

  it("lets one moderator action be claimed, the one that fits who reported", async () => {
    await f.requests.reports.file(GUILD, request.id, "m", "Spam");
    await expect(
      f.requests.reports.claimAction(GUILD, request.id, "m", "pause-librarian", "mod1"),
    ).rejects.toBeInstanceOf(UserError);
    const claims = await Promise.all(
      ["mod1", "mod2"].map((mod) =>
        f.requests.reports.claimAction(GUILD, request.id, "m", "stop-seeker", mod),
      ),
    );
    expect(claims.map((claim) => claim.claimed)).toEqual([true, false]);
    expect(claims[1]?.report.action).toEqual({ kind: "stop-seeker", by: "mod1", at: f.clock.now });
    expect(
      await refusal(f.requests.reports.claimAction(GUILD, request.id, "s", "pause-librarian", "mod1")),
    ).toBe("UserError: This report no longer exists.");
  });
});

describe("seekers stopped by a moderator", () => {
  it("refuses every new request of theirs in that guild, before the form and on sending", async () => {
    await f.requests.stops.stop(GUILD, "s", "mod1");
    expect(f.requests.stops.isStopped(GUILD, "s")).toBe(true);
    expect(f.requests.stops.isStopped("other-guild", "s")).toBe(false);
    expect(await limitOf(f.requests.lifecycle.create(requestInput("s", "m2"), TERMS))).toEqual({
      kind: "asking-stopped",
    });
    const early = (() => {
      try {
        f.requests.demand.assertRoomToAsk(GUILD, "s", "m3", 10, f.clock.now);
      } catch (error) {
        return error;
      }
    })();
    expect(early).toBeInstanceOf(RequestRefused);
    expect((early as RequestRefused).message).toBe(ASKING_STOPPED);
    await expect(f.requests.lifecycle.create(requestInput("s2", "m2"), TERMS)).resolves.toMatchObject({
      state: "pending",
    });
  });

  it("keeps the first stop, and reads the stops back from the store on start-up", async () => {
    const first = await f.requests.stops.stop(GUILD, "s", "mod1");
    f.clock.now += 1000;
    expect(await f.requests.stops.stop(GUILD, "s", "mod2")).toEqual(first);
    const restarted = createRequests({
      store: f.store,
      settings: f.settings,
      requestExpiryMs: 1000,
      firstContactNudgeMs: 1000,
      unscheduledCloseMs: 2000,
    });
    await restarted.load();
    expect(restarted.stops.isStopped(GUILD, "s")).toBe(true);
  });
});

describe("when someone in a report deletes their data", () => {
  const librarian = "librarian-avery";
  const seeker = "seeker-blake";

  /** Every store key whose key or value holds `text`. */
  async function keysHolding(text: string): Promise<string[]> {
    const found: string[] = [];
    for await (const [key, value] of f.store.entries<unknown>(""))
      if (key.includes(text) || JSON.stringify(value).includes(text)) found.push(key);
    return found.sort();
  }

  /** A request from `seeker` to `librarian`, reported by both of them. */
  async function reportedBothWays() {
    const asked = await f.requests.lifecycle.create(requestInput(seeker, librarian), TERMS);
    await f.requests.reports.file(GUILD, asked.id, librarian, `${seeker} kept asking for my address.`);
    await f.requests.reports.file(GUILD, asked.id, seeker, "They were rude.");
    return asked;
  }

  it("keeps a report they made for the moderators under their code, without the reason; its button still finds it", async () => {
    const asked = await reportedBothWays();
    await f.requests.privacy.deleteAllFor(GUILD, librarian);
    const code = f.requests.safety.codeOf(GUILD, librarian);

    expect(await keysHolding(librarian)).toEqual([]);
    expect(f.requests.reports.get(GUILD, asked.id, librarian)).toBeUndefined();
    const claim = await f.requests.reports.claimAction(GUILD, asked.id, librarian, "stop-seeker", "mod1");
    expect(claim).toEqual({
      claimed: true,
      report: {
        guildId: GUILD,
        requestId: asked.id,
        reporterCode: code,
        reporterSide: "librarian",
        reportedId: seeker,
        createdAt: f.clock.now,
        action: { kind: "stop-seeker", by: "mod1", at: f.clock.now },
      },
    });
    // The report about them keeps the reporter's id, and their code stands for them.
    expect(f.requests.reports.get(GUILD, asked.id, seeker)).toEqual({
      guildId: GUILD,
      requestId: asked.id,
      reporterId: seeker,
      reporterSide: "seeker",
      reportedCode: code,
      createdAt: f.clock.now,
    });
    expect(await keysHolding(code)).toEqual([
      guildKey(GUILD, "report", `${asked.id}:${code}`),
      guildKey(GUILD, "report", `${asked.id}:${seeker}`),
    ]);
    // As stored, after a restart.
    await f.requests.load();
    expect(
      (await f.requests.reports.claimAction(GUILD, asked.id, librarian, "stop-seeker", "mod2")).claimed,
    ).toBe(false);
    expect(f.requests.privacy.exportFor(GUILD, seeker).reportsMade).toEqual([
      { requestId: asked.id, side: "seeker", reportedId: null, reason: null, createdAt: f.clock.now },
    ]);
  });

  it("moves a moderator action already taken with the report", async () => {
    const asked = await reportedBothWays();
    await f.requests.reports.claimAction(GUILD, asked.id, seeker, "pause-librarian", "mod1");
    await f.requests.privacy.deleteAllFor(GUILD, seeker);
    const again = await f.requests.reports.claimAction(GUILD, asked.id, seeker, "pause-librarian", "mod2");
    expect(again.claimed).toBe(false);
    expect(again.report.action).toMatchObject({ kind: "pause-librarian", by: "mod1" });
    expect(again.report.reporterCode).toBe(f.requests.safety.codeOf(GUILD, seeker));
  });

  it("keeps a stop on a seeker under their code, so deleting their data does not lift it", async () => {
    await f.requests.stops.stop(GUILD, seeker, "mod1");
    await f.requests.privacy.deleteAllFor(GUILD, seeker);
    const code = f.requests.safety.codeOf(GUILD, seeker);
    expect(await keysHolding(seeker)).toEqual([]);
    expect(await keysHolding(code)).toEqual([guildKey(GUILD, "safety-stop", code)]);
    expect(f.requests.stops.isStopped(GUILD, seeker)).toBe(true);
    expect(f.requests.stops.isStopped(GUILD, "seeker-other")).toBe(false);
    expect(await limitOf(f.requests.lifecycle.create(requestInput(seeker, "m2"), TERMS))).toEqual({
      kind: "asking-stopped",
    });

    const restarted = createRequests({
      store: f.store,
      settings: f.settings,
      requestExpiryMs: 1000,
      firstContactNudgeMs: 1000,
      unscheduledCloseMs: 2000,
    });
    await restarted.load();
    expect(restarted.stops.isStopped(GUILD, seeker)).toBe(true);
    expect(restarted.stops.isStopped("other-guild", seeker)).toBe(false);
  });

  it("stops by the kept code a seeker who deleted their data before a moderator acted", async () => {
    const asked = await reportedBothWays();
    await f.requests.privacy.deleteAllFor(GUILD, seeker);
    const { report } = await f.requests.reports.claimAction(
      GUILD,
      asked.id,
      librarian,
      "stop-seeker",
      "mod1",
    );
    expect(report.reportedId).toBeUndefined();
    await f.requests.stops.stopByCode(GUILD, report.reportedCode ?? "", "mod1");
    expect(f.requests.stops.isStopped(GUILD, seeker)).toBe(true);
    expect(await keysHolding(seeker)).toEqual([]);
  });

  it("leaving the directory hides only their id as the librarian; their reports as a seeker stay as they are", async () => {
    const asked = await reportedBothWays();
    const other = await f.requests.lifecycle.create(requestInput(librarian, "librarian-casey"), TERMS);
    await f.requests.reports.file(GUILD, other.id, librarian, "No-show.");
    await f.requests.privacy.withdrawAllFor(GUILD, librarian, "mentor");
    await f.requests.privacy.deleteAsMentor(GUILD, librarian);
    const code = f.requests.safety.codeOf(GUILD, librarian);
    expect(f.requests.reports.get(GUILD, asked.id, seeker)).toMatchObject({ reportedCode: code });
    expect(f.requests.reports.get(GUILD, asked.id, librarian)).toBeUndefined();
    expect(f.requests.reports.get(GUILD, other.id, librarian)).toMatchObject({
      reporterId: librarian,
      reason: "No-show.",
    });
    expect(await keysHolding(librarian)).toEqual([
      guildKey(GUILD, "report", `${other.id}:${librarian}`),
      guildKey(GUILD, "request", other.id),
    ]);
  });

  it("exports the reports a person made and a stop on them, but not reports about them", async () => {
    const asked = await reportedBothWays();
    f.clock.now += 1000;
    await f.requests.stops.stop(GUILD, seeker, "mod1");
    const theirs = f.requests.privacy.exportFor(GUILD, seeker);
    expect(theirs.reportsMade).toEqual([
      {
        requestId: asked.id,
        side: "seeker",
        reportedId: librarian,
        reason: "They were rude.",
        createdAt: f.clock.now - 1000,
      },
    ]);
    expect(theirs.askingStopped).toEqual({ since: f.clock.now });
    expect(JSON.stringify(theirs)).not.toContain("address");
    expect(JSON.stringify(theirs)).not.toContain("mod1");
    expect(theirs.notShown).toMatch(/reports others made about you/);
    expect(f.requests.privacy.exportFor(GUILD, librarian).askingStopped).toBeNull();
  });
});
