import { vi } from "vitest";
import type { StoredMessage } from "../../emulator/state.js";
import type { InterviewRequest } from "../../src/domain/requests/index.js";
import type { ConfirmedTime } from "../../src/domain/requests/meeting.js";
import type { TestBot } from "./harness.js";
import { customIdOf } from "./messages.js";
import { askAndDeliver } from "./requests.js";

/** Asks `mentorName`, accepts as the librarian, and resolves once the thread (or DMs) is set up. */
export async function acceptedRequest(
  t: TestBot,
  seekerId: string,
  mentorId: string,
  mentorName: string,
): Promise<InterviewRequest> {
  const { card, request } = await askAndDeliver(t, seekerId, mentorId, mentorName);
  await t.emulator.as(mentorId).click(card, customIdOf(card, "Accept")).reply();
  const records = t.bot.context.services.requests.records;
  await vi.waitFor(() => {
    if (records.get(t.seed.guildId, request.id)?.effects?.includes("connect")) throw new Error("connecting");
  });
  return records.require(t.seed.guildId, request.id);
}

/**
 * Stands in for the scheduling side's confirm: saves a confirmed time (the next round) on the
 * request through the store, then hands it to the follow-through as the confirm path does.
 */
export async function confirmTime(t: TestBot, request: InterviewRequest, startsAt: number) {
  const { requests, followThrough, clock } = t.bot.context.services;
  const saved = await requests.records.update(request.guildId, request.id, (current) => {
    if (!current) return current;
    const round = (current.meeting?.confirmed?.round ?? 0) + 1;
    const confirmed: ConfirmedTime = { startsAt, confirmedAt: clock(), round };
    return { ...current, meeting: { minutes: 30, ...current.meeting, confirmed } };
  });
  if (!saved) throw new Error("the request is gone");
  await followThrough.confirmed(saved);
  return requests.records.require(request.guildId, request.id);
}

export const REMINDER = "A reminder: your informational interview is";
export const QUESTION = "Did your informational interview";

export const isReminder = (message: StoredMessage) => message.content.includes(REMINDER);
export const isQuestion = (message: StoredMessage) => message.content.includes(QUESTION);
