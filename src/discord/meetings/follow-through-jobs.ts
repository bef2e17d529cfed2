import type { Client } from "discord.js";
import type { BotContext } from "../../core/types.js";
import type { MeetingTimerCallbacks } from "../../domain/meetings/follow-through-timers.js";
import { agreedTime } from "../../domain/requests/meeting.js";
import { librarianName } from "../requests/names.js";
import { attendanceQuestion } from "./attendance-view.js";
import { picker } from "./effects.js";
import { carryOutFollowThrough } from "./follow-through-effects.js";
import { nudgeMessage } from "./nudge.js";
import { tellPair } from "./pair.js";
import { leadSeconds, reminderMessage } from "./reminders.js";

/** What the meeting timers do on Discord once the domain found them due. */
export function meetingCallbacks(client: Client, context: BotContext): MeetingTimerCallbacks {
  return {
    async remind(request, leadMs) {
      const round = agreedTime(request.meeting)?.round ?? 0;
      const name = librarianName(context, request);
      await tellPair(
        client,
        context,
        request,
        (place, to) => reminderMessage(request, name, place, to),
        `r${request.id}${round}-${leadSeconds(leadMs)}`,
      );
    },
    async askAttendance(request) {
      const round = agreedTime(request.meeting)?.round ?? 0;
      await tellPair(
        client,
        context,
        request,
        (place) => attendanceQuestion(request, place),
        `att-${request.id}-${round}`,
      );
    },
    async nudge(request) {
      const name = librarianName(context, request);
      await tellPair(
        client,
        context,
        request,
        (place) => nudgeMessage(request, name, place),
        `nudge-${request.id}`,
      );
      const times = picker(context, request);
      await tellPair(client, context, request, () => times, `pick-${request.id}`);
    },
    async closed(request) {
      await carryOutFollowThrough(client, context, request, "tell-not-held");
    },
  };
}
