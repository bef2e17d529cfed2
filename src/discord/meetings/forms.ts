import { type APIModalInteractionResponseCallbackData, ComponentType, TextInputStyle } from "discord.js";
import { customId } from "../../core/custom-ids.js";
import { MEETING_LIMITS } from "../../domain/meetings/index.js";
import type { InterviewRequest } from "../../domain/requests/index.js";

export const PROPOSE_FIELDS = { date: "date", time: "time", timeZone: "timeZone" } as const;
export const REASON_FIELD = "reason";

const text = (
  id: string,
  label: string,
  options: { placeholder: string; max: number; value?: string | undefined; required?: boolean },
) => ({
  type: ComponentType.Label as const,
  label,
  component: {
    type: ComponentType.TextInput as const,
    custom_id: id,
    style: TextInputStyle.Short,
    required: options.required ?? true,
    max_length: options.max,
    placeholder: options.placeholder,
    ...(options.value ? { value: options.value } : {}),
  },
});

/** "Propose a time": any future minute, in the time zone given (prefilled from the profile). */
export function proposeModal(
  request: InterviewRequest,
  timeZone: string | undefined,
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId("meeting-propose-form", request.guildId, request.id),
    title: "Propose a time",
    components: [
      text(PROPOSE_FIELDS.date, "Date", { placeholder: "YYYY-MM-DD, e.g. 2027-03-15", max: 10 }),
      text(PROPOSE_FIELDS.time, "Time (24-hour clock)", { placeholder: "HH:MM, e.g. 14:30", max: 5 }),
      text(PROPOSE_FIELDS.timeZone, "Time zone", {
        placeholder: "e.g. America/Chicago, Europe/Berlin or UTC",
        max: 60,
        value: timeZone,
      }),
    ],
  };
}

/** Reschedule or Cancel: an optional note for the other person. */
export function reasonModal(
  request: InterviewRequest,
  kind: "reschedule" | "cancel",
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId(
      kind === "cancel" ? "meeting-cancel-form" : "meeting-reschedule-form",
      request.guildId,
      request.id,
    ),
    title: kind === "cancel" ? "Cancel the interview" : "Find another time",
    components: [
      {
        type: ComponentType.Label,
        label: "A note for the other person (optional)",
        description:
          kind === "cancel" ? "The request closes; they are told kindly." : "The time picker opens again.",
        component: {
          type: ComponentType.TextInput,
          custom_id: REASON_FIELD,
          style: TextInputStyle.Paragraph,
          required: false,
          max_length: MEETING_LIMITS.reason,
          placeholder: "e.g. Something came up at work, sorry!",
        },
      },
    ],
  };
}
