import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
  time,
  userMention,
} from "discord.js";
import { customId } from "../../core/custom-ids.js";
import { LIMITS, truncate } from "../../core/limits.js";
import type { Reply } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import { type CalendarFile, calendarFile, localTimeOf, meetingOf } from "../../domain/meetings/index.js";
import { type MentorProfile, WEEKDAYS } from "../../domain/mentors/index.js";
import type { InterviewRequest } from "../../domain/requests/index.js";
import { FORMAT_LABELS } from "../mentors/card.js";
import { longDuration } from "./durations.js";

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Both kinds of Discord timestamp: each reader sees the time in their own zone, and how far off it is. */
export const when = (at: number): string => {
  const seconds = Math.floor(at / 1000);
  return `${time(seconds, "F")} (${time(seconds, "R")})`;
};

const button = (
  label: string,
  id: string,
  style: APIButtonComponentWithCustomId["style"] = ButtonStyle.Secondary,
): APIButtonComponentWithCustomId => ({
  type: ComponentType.Button,
  style,
  label: truncate(label, LIMITS.buttonLabel),
  custom_id: id,
});

const row = (...components: APIComponentInMessageActionRow[]): Row => ({
  type: ComponentType.ActionRow,
  components,
});

const ref = (request: InterviewRequest) => [request.guildId, request.id] as const;

export const proposeButton = (request: InterviewRequest, label = "Propose a time") =>
  button(label, customId("meeting-propose", ...ref(request)), ButtonStyle.Primary);

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** A select option's label cannot hold a Discord timestamp, so it names the librarian's own clock. */
function slotLabel(index: number, at: number, zone: string): string {
  const local = localTimeOf(at, zone);
  return truncate(
    `${index + 1}. ${WEEKDAYS[local.weekday]} ${local.date} ${hhmm(local.minutes)} (${zone})`,
    LIMITS.selectOptionLabel,
  );
}

export interface PickerOptions {
  librarianName: string;
  profile: MentorProfile | undefined;
  slots: readonly number[];
  /** SLOT_HORIZON: how far ahead the slots go. */
  horizonMs: number;
  /** A line above the picker (a reschedule, say). */
  intro?: string;
}

/**
 * The time picker: up to 10 slots from the librarian's usual hours, each as a Discord timestamp
 * (so each person reads it in their own time), a menu to put one forward, and "Propose a time".
 */
export function pickerMessage(request: InterviewRequest, options: PickerOptions): Reply {
  const { minutes } = meetingOf(request);
  const name = safeText(options.librarianName);
  const lines = [options.intro ?? "", `🗓️ **Pick a time for your interview** (${minutes} minutes).`];
  if (options.slots.length > 0) {
    lines.push(
      `Free times from ${name}'s usual hours in the next ${longDuration(options.horizonMs)}, each shown in your own time zone:`,
      ...options.slots.map((at, index) => `${index + 1}. ${when(at)}`),
      "Choose one in the menu to put it forward, or **Propose a time** for any other. The other person then confirms.",
    );
  } else {
    lines.push(
      options.profile?.weeklyWindows?.length
        ? `${name}'s usual hours have no free time in the next ${longDuration(options.horizonMs)}. **Propose a time** that suits you: the other person then confirms.`
        : `**Propose a time** that suits you (${name} hasn't listed usual hours): the other person then confirms.`,
    );
  }
  const zone = options.profile?.timeZone ?? "UTC";
  const components: Row[] = [];
  if (options.slots.length > 0) {
    components.push(
      row({
        type: ComponentType.StringSelect,
        custom_id: customId("meeting-slot", ...ref(request)),
        placeholder: "Put one of these times forward",
        min_values: 1,
        max_values: 1,
        options: options.slots.map((at, index) => ({
          label: slotLabel(index, at, zone),
          value: String(Math.floor(at / 1000)),
          description: `Number ${index + 1} above, in ${options.librarianName}'s time`.slice(
            0,
            LIMITS.selectOptionDescription,
          ),
        })),
      }),
    );
  }
  components.push(row(proposeButton(request)));
  return { content: lines.filter(Boolean).join("\n"), components };
}

const nameOf = (request: InterviewRequest, userId: string, librarianName: string): string =>
  safeText(userId === request.seekerId ? request.seekerName : librarianName);

/** A time put forward, for the other person to confirm; in a thread the other is mentioned. */
export function proposalMessage(
  request: InterviewRequest,
  librarianName: string,
  options: { mention: boolean },
): Reply | undefined {
  const { proposal, minutes } = meetingOf(request);
  if (!proposal) return undefined;
  const other = proposal.by === request.seekerId ? request.mentorId : request.seekerId;
  const who = nameOf(request, proposal.by, librarianName);
  const seconds = Math.floor(proposal.startsAt / 1000);
  return {
    content: [
      `${options.mention ? `${userMention(other)} ` : ""}🕑 **${who}** proposes ${when(proposal.startsAt)}, ${minutes} minutes` +
        ` (put forward in ${proposal.timeZone} time; shown here in yours).`,
      "If it suits you, press **Confirm**; if not, propose another time.",
    ].join("\n"),
    components: [
      row(
        button("Confirm", customId("meeting-confirm", ...ref(request), seconds), ButtonStyle.Success),
        proposeButton(request, "Propose another time"),
      ),
    ],
    ...(options.mention ? { allowedMentions: { parse: [], users: [other] } } : {}),
  };
}

/** What replaces a proposal once confirmed. */
export const confirmedAck = (request: InterviewRequest): Reply => ({
  content: `✅ Confirmed: ${when(meetingOf(request).confirmed?.startsAt ?? 0)}. The details and a calendar file follow.`,
  components: [],
});

const toAttachment = (file: CalendarFile) => ({
  attachment: Buffer.from(file.content, "utf8"),
  name: file.name,
});

/** The agreed time, the format and length, the calendar file, and Reschedule / Cancel for either. */
export function confirmedMessage(
  request: InterviewRequest,
  options: { mention: boolean; lateCancelMs: number },
): Reply {
  const meeting = meetingOf(request);
  const startsAt = meeting.confirmed?.startsAt ?? 0;
  const both = [request.seekerId, request.mentorId];
  const round = meeting.confirmed?.round ?? 1;
  return {
    content: [
      options.mention ? both.map(userMention).join(" ") : "",
      `✅ **Your informational interview is ${round > 1 ? "moved to" : "set for"} ${when(startsAt)}.**`,
      `**Format:** ${FORMAT_LABELS[request.format]} · **Length:** ${meeting.minutes} minutes`,
      "The calendar file holds the time in UTC, so your calendar shows it in your own time zone.",
      `Can't make it? **Reschedule** to find another time, or **Cancel** (either of you; a cancel within ${longDuration(options.lateCancelMs)} of the start counts as late).`,
    ]
      .filter(Boolean)
      .join("\n"),
    files: [toAttachment(calendarFile(request))],
    components: [
      row(
        button("Reschedule", customId("meeting-reschedule", ...ref(request))),
        button("Cancel", customId("meeting-cancel", ...ref(request)), ButtonStyle.Danger),
      ),
    ],
    ...(options.mention ? { allowedMentions: { parse: [], users: both } } : {}),
  };
}

/** The line above a new picker after a reschedule. */
export function rescheduledIntro(request: InterviewRequest, librarianName: string, mention: boolean): string {
  const { rescheduled } = meetingOf(request);
  const by = rescheduled?.by ?? request.seekerId;
  const other = by === request.seekerId ? request.mentorId : request.seekerId;
  const reason = rescheduled?.reason ? ` Their note: “${safeText(rescheduled.reason)}”` : "";
  return `${mention ? `${userMention(other)} ` : ""}🔁 **${nameOf(request, by, librarianName)}** needs to move the interview, so the agreed time is off.${reason}`;
}

/** Told kindly to the other person when one of the two cancels. */
export function cancelledMessage(request: InterviewRequest, librarianName: string, mention: boolean): Reply {
  const { cancelled, confirmed } = meetingOf(request);
  const by = cancelled?.by ?? request.seekerId;
  const other = by === request.seekerId ? request.mentorId : request.seekerId;
  const who = nameOf(request, by, librarianName);
  const what = confirmed ? `the interview on ${when(confirmed.startsAt)}` : "the interview";
  const reason = cancelled?.reason ? `\nTheir note: “${safeText(cancelled.reason)}”` : "";
  const next =
    other === request.seekerId
      ? "Plans change; it says nothing about you. `/findmentor` shows other librarians you could ask."
      : "Plans change. Thank you for making time: nothing more is needed from you.";
  return {
    content: `${mention ? `${userMention(other)} ` : ""}**${who}** cancelled ${what}.${reason}\n${next}`,
    components: [],
    ...(mention ? { allowedMentions: { parse: [], users: [other] } } : {}),
  };
}
