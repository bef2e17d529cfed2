import { ComponentType } from "discord.js";
import { describe, expect, it } from "vitest";
import { parseCustomId } from "../../src/core/custom-ids.js";
import { attendanceQuestion } from "../../src/discord/meetings/attendance-view.js";
import { meetingTimesText } from "../../src/discord/meetings/durations.js";
import { movedMessage, nudgeMessage } from "../../src/discord/meetings/nudge.js";
import { reminderMessage } from "../../src/discord/meetings/reminders.js";
import type { InterviewRequest } from "../../src/domain/requests/index.js";

const SEEKER = "111111111111111111";
const LIBRARIAN = "222222222222222222";
const STARTS = Date.UTC(2027, 2, 15, 15);

const request: InterviewRequest = {
  id: "abcd2345",
  guildId: "333333333333333333",
  seekerId: SEEKER,
  seekerName: "Sam <@&99>",
  mentorId: LIBRARIAN,
  libraryType: "academic",
  note: "x".repeat(40),
  format: "video",
  state: "accepted",
  createdAt: STARTS - 86_400_000,
  expiresAt: STARTS,
  threadId: "444444444444444444",
  meeting: { minutes: 30, confirmed: { startsAt: STARTS, confirmedAt: STARTS - 86_400_000, round: 3 } },
};

describe("meeting messages", () => {
  it("a reminder in the thread pings exactly the two people, with the start in each reader's zone", () => {
    const reminder = reminderMessage(request, "Casey", "thread");
    expect(reminder.allowedMentions).toEqual({ parse: [], users: [SEEKER, LIBRARIAN] });
    expect(reminder.content).toBe(
      `⏰ <@${SEEKER}> <@${LIBRARIAN}> A reminder: your informational interview is <t:${STARTS / 1000}:F> (<t:${STARTS / 1000}:R>).`,
    );
    // By DM, each is told whom they meet, names shown as typed and pinging nobody.
    expect(reminderMessage(request, "Casey", "dm", "seeker").content).toContain("with **Casey**");
    const toLibrarian = reminderMessage(request, "Casey", "dm", "librarian");
    expect(toLibrarian.allowedMentions).toBeUndefined();
    expect(toLibrarian.content).toContain("with **Sam <\u200b@&99>**");
  });

  it("asks 'did it happen?' with three buttons naming the request, its round and the answer", () => {
    const question = attendanceQuestion(request, "thread");
    expect(question.allowedMentions).toEqual({ parse: [], users: [SEEKER, LIBRARIAN] });
    const buttons = question.components?.[0]?.components ?? [];
    expect(
      buttons.map((button) =>
        button.type === ComponentType.Button && "label" in button ? button.label : "",
      ),
    ).toEqual(["Yes, we met", "They didn't come", "We moved it"]);
    const ids = buttons.map((button) =>
      "custom_id" in button ? parseCustomId(button.custom_id) : undefined,
    );
    expect(ids).toEqual([
      { prefix: "meeting-attendance", args: [request.guildId, request.id, "3", "met"] },
      { prefix: "meeting-attendance", args: [request.guildId, request.id, "3", "no-show"] },
      { prefix: "meeting-attendance", args: [request.guildId, request.id, "3", "moved"] },
    ]);
  });

  it("nudges both: pinging the two in the thread, naming both by DM", () => {
    const inThread = nudgeMessage(request, "Casey", "thread");
    expect(inThread.content).toMatch(new RegExp(`^<@${SEEKER}> <@${LIBRARIAN}> A friendly nudge`));
    expect(inThread.allowedMentions).toEqual({ parse: [], users: [SEEKER, LIBRARIAN] });
    const byDm = nudgeMessage(request, "Casey", "dm");
    expect(byDm.content).toMatch(/^\*\*Sam <\u200b@&99>\*\* and \*\*Casey\*\*: A friendly nudge/);
    expect(byDm.allowedMentions).toBeUndefined();
    expect(movedMessage("Casey").content).toBe(
      "🔁 Casey says you moved the interview. Agree a new time and I'll remind you both again.",
    );
  });

  it("names the durations in one sentence for /config and /help", () => {
    expect(
      meetingTimesText({
        meetingRemindersMs: [86_400_000, 3_600_000],
        attendanceCheckMs: 7_200_000,
        firstContactNudgeMs: 3 * 86_400_000,
        unscheduledCloseMs: 14 * 86_400_000,
        slotHorizonMs: 14 * 86_400_000,
        lateCancelMs: 3 * 3_600_000,
        noShowWindowMs: 90 * 86_400_000,
        noShowStopMs: 30 * 86_400_000,
      }),
    ).toBe(
      "reminders go 1 day and 1 hour before an agreed time, and both are asked whether it happened 2 hours " +
        "after its start; with no time agreed, both are nudged 3 days after Accept and the interview closes after 14 days; " +
        "the picker offers times up to 14 days ahead, and a cancel within 3 hours of the start counts as late; " +
        "no-shows count for 90 days, and a seeker with too many can't send requests for 30 days",
    );
  });
});
