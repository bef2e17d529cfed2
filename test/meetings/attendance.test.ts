import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isDisputed, noShowsIn } from "../../src/domain/meetings/attendance.js";
import { GUILD, refusal } from "../requests/helpers.js";
import {
  accepted,
  confirmTime,
  HOUR,
  type MeetingFixture,
  meetingFixture,
} from "./follow-through-helpers.js";

let f: MeetingFixture;
beforeEach(async () => {
  f = await meetingFixture();
});
afterEach(() => f.store.close());

/** An accepted request whose agreed time (an hour ahead) has just started. */
async function agreed(seeker = "s", mentor = "m") {
  const request = await accepted(f, seeker, mentor);
  const saved = await confirmTime(f, request, f.clock.now + HOUR);
  f.clock.now += HOUR;
  return saved;
}

const answer = (id: string, userId: string, value: "met" | "no-show" | "moved", round = 1) =>
  f.followThrough.attendance.answer(GUILD, id, userId, round, value);

describe("did it happen?", () => {
  it("a yes from the librarian marks it met and owes the seeker the thank-you prompt", async () => {
    const request = await agreed();
    const result = await answer(request.id, "m", "met");
    expect(result).toMatchObject({
      recorded: true,
      answer: "met",
      becameMet: true,
      effects: ["prompt-thanks"],
    });
    expect(result.request).toMatchObject({
      state: "met",
      metAt: f.clock.now,
      meeting: { attendance: { m: "met" } },
    });
    expect(result.request.effects).toContain("prompt-thanks");
    // The seeker's later yes is recorded, owes nothing more, and the request stays met.
    const second = await answer(request.id, "s", "met");
    expect(second).toMatchObject({ recorded: true, becameMet: false, effects: [] });
    expect(second.request.meeting?.attendance).toEqual({ m: "met", s: "met" });
  });

  it("a yes from the seeker marks it met and owes nothing (they get the prompt in the answer)", async () => {
    const request = await agreed();
    const result = await answer(request.id, "s", "met");
    expect(result).toMatchObject({ becameMet: true, effects: [] });
    expect(result.request.state).toBe("met");
  });

  it("keeps each person's first answer, refuses strangers and questions about an earlier time", async () => {
    const request = await agreed();
    expect(await refusal(answer(request.id, "stranger", "met"))).toBe(
      "UserError: Only the two people in this interview can answer this.",
    );
    expect(await refusal(answer(request.id, "s", "met", 7))).toMatch(/about an earlier time/);
    await answer(request.id, "s", "no-show");
    const again = await answer(request.id, "s", "met");
    expect(again).toMatchObject({ recorded: false, answer: "no-show", effects: [] });
    expect(f.requests.records.get(GUILD, request.id)?.state).toBe("accepted");
  });

  it("'They didn't come' owes a no-show against the other, unless the other answered: then a dispute", async () => {
    const first = await agreed("s1", "m");
    const noShow = await answer(first.id, "s1", "no-show");
    expect(noShow.effects).toEqual(["record-no-show"]);
    expect(noShowsIn(noShow.request)).toEqual([{ reporterId: "s1", absentId: "m" }]);
    // The librarian then says they met: a dispute, and the no-show is no longer derived from the answers.
    const disputed = await answer(first.id, "m", "met");
    expect(disputed.effects).toEqual(["prompt-thanks", "post-dispute"]);
    expect(isDisputed(disputed.request)).toBe(true);
    expect(noShowsIn(disputed.request)).toEqual([]);

    const second = await agreed("s2", "m");
    await answer(second.id, "m", "met");
    const late = await answer(second.id, "s2", "no-show");
    expect(late.effects).toEqual(["post-dispute"]);
    expect(noShowsIn(late.request)).toEqual([]);
  });

  it("'We moved it' clears the agreed time, keeps the answer and records no no-show", async () => {
    const request = await agreed();
    await f.followThrough.markReminded(GUILD, request.id, 1, HOUR);
    const moved = await answer(request.id, "m", "moved");
    expect(moved.effects).toEqual([]);
    expect(moved.request.state).toBe("accepted");
    expect(moved.request.meeting?.confirmed).toBeUndefined();
    expect(moved.request.meeting?.remindersSent).toBeUndefined();
    expect(moved.request.meeting?.attendance).toEqual({ m: "moved" });
    // The round's own timers now do nothing; the other person's answer to it is refused.
    expect(f.followThrough.attendanceDue(GUILD, request.id, 1)).toBeUndefined();
    expect(await refusal(answer(request.id, "s", "no-show"))).toMatch(/about an earlier time/);
    // A new time starts afresh; the old question can't be answered before the new time comes.
    const next = await confirmTime(f, request, f.clock.now + 3 * HOUR);
    const round = next.meeting?.confirmed?.round ?? 0;
    expect(next.meeting?.attendance).toBeUndefined();
    expect(await refusal(answer(request.id, "s", "met", round))).toMatch(/hasn't happened yet/);
    f.clock.now += 3 * HOUR;
    expect((await answer(request.id, "s", "met", round)).becameMet).toBe(true);
  });

  it("two simultaneous answers from the same person count once", async () => {
    const request = await agreed();
    const results = await Promise.all([
      answer(request.id, "s", "no-show"),
      answer(request.id, "s", "no-show"),
    ]);
    expect(results.map((result) => result.recorded).sort()).toEqual([false, true]);
    expect(
      f.requests.records.get(GUILD, request.id)?.effects?.filter((e) => e === "record-no-show"),
    ).toHaveLength(1);
  });
});
