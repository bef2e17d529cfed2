import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AgendaDrafts, AgendaService, agendaGroups } from "../../src/domain/agenda/index.js";
import type { InterviewRequest } from "../../src/domain/requests/request.js";
import { guildKey } from "../../src/store/store.js";
import { type Fixture, fixture, GUILD, refusal, requestInput, TERMS, tempDir } from "../requests/helpers.js";

let f: Fixture;
let agenda: AgendaService;
const serviceOn = (on: Fixture) =>
  new AgendaService({
    drafts: new AgendaDrafts(on.store),
    records: on.requests.records,
    clock: () => on.clock.now,
  });

beforeEach(async () => {
  f = await fixture();
  agenda = serviceOn(f);
});
afterEach(() => f.store.close());

async function accepted(on = f, seeker = "s", mentor = "m"): Promise<InterviewRequest> {
  const request = await on.requests.lifecycle.create(requestInput(seeker, mentor), TERMS);
  return (await on.requests.lifecycle.accept(GUILD, request.id, mentor)).request;
}

const [days, , hiring, , closing] = agendaGroups("academic");
const dayQuestions = days?.questions ?? [];
const storedRequest = (id: string) => f.store.get<InterviewRequest>(guildKey(GUILD, "request", id));

describe("who may build an agenda", () => {
  it("is the seeker of an accepted request, starting from no picks and a 30-minute meeting", async () => {
    const request = await accepted();
    const view = await agenda.open(GUILD, request.id, "s");
    expect(view.draft.picks).toEqual([]);
    expect(view.meetingMinutes).toBe(30);
    expect(view.groups.map((group) => group.name)).toContain("To close");
  });

  it("refuses the librarian kindly and anyone else plainly, whatever they press", async () => {
    const request = await accepted();
    expect(await refusal(agenda.open(GUILD, request.id, "m"))).toMatch(
      /^UserError: Thanks for looking! The agenda is for the person who asked to build/,
    );
    expect(await refusal(agenda.choose(GUILD, request.id, "x", "day-to-day", ["0"]))).toBe(
      "UserError: Only the person who asked for this interview can build its agenda.",
    );
    expect(await refusal(agenda.planPost(GUILD, request.id, "m"))).toMatch(/^UserError: Thanks for looking/);
    expect(await refusal(agenda.clear(GUILD, request.id, "x"))).toMatch(/^UserError: Only the person/);
    expect((await agenda.open(GUILD, request.id, "s")).draft.picks).toEqual([]);
  });

  it("is not offered before the librarian accepts, nor after they met", async () => {
    const pending = await f.requests.lifecycle.create(requestInput("s", "m"), TERMS);
    expect(await refusal(agenda.open(GUILD, pending.id, "s"))).toMatch(/no longer arranged/);
    await f.requests.lifecycle.accept(GUILD, pending.id, "m");
    await f.requests.lifecycle.markMet(GUILD, pending.id, "s");
    expect(await refusal(agenda.open(GUILD, pending.id, "s"))).toMatch(/You have met already/);
    expect(await refusal(agenda.open(GUILD, "nope", "s"))).toMatch(/no longer exists/);
  });
});

describe("picks", () => {
  it("are kept per request in the store and survive a restart", async () => {
    const dir = tempDir();
    try {
      const first = await fixture(dir.file("agenda.sqlite"));
      const request = await accepted(first);
      await serviceOn(first).choose(GUILD, request.id, "s", "day-to-day", ["1", "0"]);
      await serviceOn(first).choose(GUILD, request.id, "s", "closing", ["2"]);
      await first.store.close();
      const second = await fixture(dir.file("agenda.sqlite"));
      const view = await serviceOn(second).open(GUILD, request.id, "s");
      expect(view.draft.picks).toEqual([dayQuestions[0], dayQuestions[1], closing?.questions[2]]);
      await second.store.close();
    } finally {
      dir.cleanup();
    }
  });

  it("from menus changed at the same time are all kept", async () => {
    const request = await accepted();
    await Promise.all([
      agenda.choose(GUILD, request.id, "s", "day-to-day", ["0"]),
      agenda.choose(GUILD, request.id, "s", "hiring-and-career", ["1"]),
      agenda.choose(GUILD, request.id, "s", "closing", ["0"]),
    ]);
    const { picks } = (await agenda.open(GUILD, request.id, "s")).draft;
    expect([...picks].sort()).toEqual(
      [dayQuestions[0], hiring?.questions[1], closing?.questions[0]].map(String).sort(),
    );
  });

  it("stop at 10, saying so, and Clear empties them", async () => {
    const request = await accepted();
    const indexes = dayQuestions.map((_, i) => String(i));
    await agenda.choose(GUILD, request.id, "s", "day-to-day", indexes);
    await agenda.choose(GUILD, request.id, "s", "hiring-and-career", ["0", "1", "2"]);
    const over = await agenda.choose(GUILD, request.id, "s", "closing", ["0", "1", "2"]);
    expect(dayQuestions.length + 3).toBe(10);
    expect(over.tooMany).toBe(true);
    expect(over.draft.picks).toHaveLength(10);
    const cleared = await agenda.clear(GUILD, request.id, "s");
    expect(cleared.draft.picks).toEqual([]);
    expect((await agenda.open(GUILD, request.id, "s")).draft.picks).toEqual([]);
  });

  it("refuse a menu that is not in this checklist", async () => {
    const request = await accepted();
    expect(await refusal(agenda.choose(GUILD, request.id, "s", "salaries", ["0"]))).toMatch(
      /This menu no longer works/,
    );
  });
});

describe("posting", () => {
  it("needs at least one pick", async () => {
    const request = await accepted();
    expect(await refusal(agenda.planPost(GUILD, request.id, "s"))).toMatch(/Pick at least one question/);
  });

  it("is recorded on the request once, a repeat says so, and changed picks post as an update", async () => {
    const request = await accepted();
    await agenda.choose(GUILD, request.id, "s", "day-to-day", ["0", "2"]);
    const first = await agenda.planPost(GUILD, request.id, "s");
    expect(first).toMatchObject({
      kind: "post",
      picks: [dayQuestions[0], dayQuestions[2]],
      nonce: `agenda-${request.id}-1`,
      update: false,
    });
    expect(first.kind === "post" && first.nonce.length).toBeLessThanOrEqual(25);
    f.clock.now += 1000;
    await agenda.recordPost(GUILD, request.id, [dayQuestions[0] ?? "", dayQuestions[2] ?? ""]);
    expect((await storedRequest(request.id))?.meeting).toEqual({ minutes: 30, agendaPostedAt: f.clock.now });
    expect(f.requests.records.get(GUILD, request.id)?.meeting?.agendaPostedAt).toBe(f.clock.now);

    const again = await agenda.planPost(GUILD, request.id, "s");
    expect(again).toMatchObject({ kind: "already-posted", postedAt: f.clock.now });

    await agenda.choose(GUILD, request.id, "s", "closing", ["0"]);
    const updated = await agenda.planPost(GUILD, request.id, "s");
    expect(updated).toMatchObject({ kind: "post", nonce: `agenda-${request.id}-2`, update: true });
    expect(updated.kind === "post" && updated.picks).toHaveLength(3);
  });

  it("keeps the rest of the meeting record, and its length, when it records the post", async () => {
    const request = await accepted();
    await f.requests.records.update(GUILD, request.id, (current) =>
      current ? { ...current, meeting: { minutes: 45, nudgedAt: 5 } } : undefined,
    );
    await agenda.choose(GUILD, request.id, "s", "closing", ["1"]);
    const plan = await agenda.planPost(GUILD, request.id, "s");
    expect(plan.view.meetingMinutes).toBe(45);
    await agenda.recordPost(GUILD, request.id, closing?.questions.slice(1, 2) ?? []);
    expect((await storedRequest(request.id))?.meeting).toEqual({
      minutes: 45,
      nudgedAt: 5,
      agendaPostedAt: f.clock.now,
    });
  });
});
