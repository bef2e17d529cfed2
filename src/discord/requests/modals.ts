import { type APIModalInteractionResponseCallbackData, ComponentType, TextInputStyle } from "discord.js";
import { customId } from "../../core/custom-ids.js";
import { LIMITS, truncate } from "../../core/limits.js";
import type { MentorProfile } from "../../domain/mentors/index.js";
import { type InterviewRequest, REQUEST_LIMITS } from "../../domain/requests/index.js";
import { DEFAULT_MEETING_MINUTES, MEETING_MINUTES } from "../../domain/requests/meeting.js";
import { FORMAT_LABELS } from "../mentors/card.js";

/** The field ids of the modals, read back by the handlers. */
export const ASK_FIELDS = {
  note: "note",
  format: "format",
  availability: "availability",
  assignmentDue: "assignmentDue",
  minutes: "minutes",
} as const;
export const DECLINE_FIELDS = { reason: "reason" } as const;
export const REPORT_FIELDS = { reason: "reason" } as const;

/**
 * The request form. `scopeGuildId` is set when the form is opened from a DM, where the interaction
 * carries no guild; the submit handler checks the seeker is a member of it.
 */
export function askModal(
  profile: MentorProfile,
  typeSlug: string,
  scopeGuildId?: string,
): APIModalInteractionResponseCallbackData {
  const scope = scopeGuildId ? [scopeGuildId] : [];
  const only = profile.formats.length === 1;
  return {
    custom_id: customId("request-form", profile.userId, typeSlug, ...scope),
    title: truncate(`Ask ${profile.displayName}`, LIMITS.modalTitle),
    components: [
      {
        type: ComponentType.Label,
        label: "What do you hope to learn from them?",
        description: "They read this first. A few sentences about you and your questions.",
        component: {
          type: ComponentType.TextInput,
          custom_id: ASK_FIELDS.note,
          style: TextInputStyle.Paragraph,
          min_length: REQUEST_LIMITS.noteMin,
          max_length: REQUEST_LIMITS.noteMax,
          required: true,
        },
      },
      {
        type: ComponentType.Label,
        label: "How would you like to talk?",
        description: "Only the ways this librarian offers.",
        component: {
          type: ComponentType.StringSelect,
          custom_id: ASK_FIELDS.format,
          required: true,
          min_values: 1,
          max_values: 1,
          options: profile.formats.map((format) => ({
            label: FORMAT_LABELS[format],
            value: format,
            default: only,
          })),
        },
      },
      {
        type: ComponentType.Label,
        label: "When are you generally free? (optional)",
        component: {
          type: ComponentType.TextInput,
          custom_id: ASK_FIELDS.availability,
          style: TextInputStyle.Short,
          max_length: REQUEST_LIMITS.availability,
          required: false,
          placeholder: "e.g. weekday evenings, US Central time",
        },
      },
      {
        type: ComponentType.Label,
        label: "For a class assignment? Its due date",
        description: "Only if it is for a class: the librarian sees it's an assignment and when it's due.",
        component: {
          type: ComponentType.TextInput,
          custom_id: ASK_FIELDS.assignmentDue,
          style: TextInputStyle.Short,
          max_length: 10,
          required: false,
          placeholder: "YYYY-MM-DD",
        },
      },
      {
        type: ComponentType.Label,
        label: "How long? (optional)",
        description: `${DEFAULT_MEETING_MINUTES} minutes unless you choose otherwise.`,
        component: {
          type: ComponentType.StringSelect,
          custom_id: ASK_FIELDS.minutes,
          required: false,
          min_values: 0,
          max_values: 1,
          options: MEETING_MINUTES.map((minutes) => ({
            label: `${minutes} minutes`,
            value: String(minutes),
            default: minutes === DEFAULT_MEETING_MINUTES,
          })),
        },
      },
    ],
  };
}

export function declineModal(request: InterviewRequest): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId("request-decline-form", request.guildId, request.id),
    title: truncate(`Decline ${request.seekerName}'s request`, LIMITS.modalTitle),
    components: [
      {
        type: ComponentType.Label,
        label: "A reason for them (optional)",
        description: "Shown to them as you write it, with other librarians to try.",
        component: {
          type: ComponentType.TextInput,
          custom_id: DECLINE_FIELDS.reason,
          style: TextInputStyle.Paragraph,
          max_length: REQUEST_LIMITS.declineReason,
          required: false,
          placeholder: "e.g. I'm away this month, but good luck!",
        },
      },
    ],
  };
}

/** The report form: a required reason for the moderators, who alone read it. */
export function reportModal(
  request: InterviewRequest,
  reportedName: string,
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId("request-report-form", request.guildId, request.id),
    title: truncate(`Report ${reportedName}`, LIMITS.modalTitle),
    components: [
      {
        type: ComponentType.Label,
        label: "What happened?",
        description: "Only this server's moderators read this; the person you report is not told.",
        component: {
          type: ComponentType.TextInput,
          custom_id: REPORT_FIELDS.reason,
          style: TextInputStyle.Paragraph,
          min_length: 1,
          max_length: REQUEST_LIMITS.reportReason,
          required: true,
        },
      },
    ],
  };
}
