import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
  TextInputStyle,
} from "discord.js";
import { customId } from "../../core/custom-ids.js";
import type { Reply } from "../../core/respond.js";
import { safeText } from "../../core/safe-text.js";
import { allLibraryTypes } from "../../domain/library-types.js";
import type { MentorDraft } from "../../domain/mentors/drafts.js";
import {
  AVAILABILITY_LIMITS,
  formatAwayDates,
  MEETING_FORMATS,
  type MentorProfile,
  PROFILE_LIMITS,
} from "../../domain/mentors/index.js";
import { plural } from "../../domain/plural.js";
import { BRAND_COLOR } from "../shared/style.js";
import { FORMAT_LABELS, mentorCard } from "./card.js";

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

export const CONSENT_TEXT =
  "By confirming, you agree to be listed in `/findmentor` on this server and to be contacted through the bot " +
  "about informational interviews. Nobody sees your contact details; you accept or decline each request, and " +
  "`/mentor pause`, `/mentor edit` and `/mentor leave` work at any time.";

type ActionStyle = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;

const button = (label: string, id: string, style: ActionStyle = ButtonStyle.Secondary, disabled = false) => ({
  type: ComponentType.Button as const,
  style,
  label,
  custom_id: id,
  disabled,
});

const heading = (draft: MentorDraft, step: number) =>
  `${draft.mode === "edit" ? "Edit your librarian profile" : "Volunteer for informational interviews"} · step ${step} of 3`;

/** Step 1: which library types and formats, as two menus. */
export function choicesStep(draft: MentorDraft): Reply {
  const types = new Set(draft.libraryTypes ?? []);
  const formats = new Set(draft.formats ?? []);
  const rows: Row[] = [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: customId("mentor-types"),
          placeholder: "Library types you can speak to",
          min_values: 1,
          max_values: allLibraryTypes().length,
          options: allLibraryTypes().map((type) => ({
            label: type.name,
            value: type.slug,
            description: type.description.slice(0, 100),
            default: types.has(type.slug),
          })),
        },
      ],
    },
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: customId("mentor-formats"),
          placeholder: "How you are willing to talk",
          min_values: 1,
          max_values: MEETING_FORMATS.length,
          options: MEETING_FORMATS.map((format) => ({
            label: FORMAT_LABELS[format],
            value: format,
            default: formats.has(format),
          })),
        },
      ],
    },
    {
      type: ComponentType.ActionRow,
      components: [
        button(
          "Next: about your work",
          customId("mentor-step", "about"),
          ButtonStyle.Primary,
          !types.size || !formats.size,
        ),
        button("Cancel", customId("mentor-cancel")),
      ],
    },
  ];
  return {
    ephemeral: true,
    embeds: [
      {
        color: BRAND_COLOR,
        title: heading(draft, 1),
        description:
          "Job-seekers will find you with `/findmentor` and can ask you for a short conversation about your work. " +
          "Pick the **library types** you can speak to and the **formats** you offer, then press Next.",
      },
    ],
    components: rows,
  };
}

/** Between the two forms: a button opens the second one (a form cannot open another form directly). */
export function storyStep(draft: MentorDraft): Reply {
  return {
    ephemeral: true,
    embeds: [
      {
        color: BRAND_COLOR,
        title: heading(draft, 3),
        description:
          "Thanks. Last, a short bio, the career moves you made, and how many requests a month suit you.",
      },
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          button("Next: your story", customId("mentor-step", "story"), ButtonStyle.Primary),
          button("Back", customId("mentor-step", "choices")),
          button("Cancel", customId("mentor-cancel")),
        ],
      },
    ],
  };
}

/** The profile as seekers will see it, with the confirm button for this revision of the draft. */
export function previewStep(draft: MentorDraft, profile: MentorProfile, notice?: string): Reply {
  const privately = [
    profile.awayDates?.length ? `Away (no times offered): ${formatAwayDates(profile.awayDates)}` : "",
    profile.avoidTopics?.length ? `Rather not discuss: ${safeText(profile.avoidTopics.join(", "))}` : "",
  ].filter(Boolean);
  return {
    ephemeral: true,
    content:
      `${notice ? `⚠️ ${notice}\n` : ""}**This is how job-seekers will see you.**\n${CONSENT_TEXT}\n` +
      "**Availability** (optional): your usual weekly hours, so a seeker you accept is offered times in them, " +
      "days you are away, and topics you'd rather not discuss.",
    embeds: [
      {
        ...mentorCard(profile),
        footer: {
          text: [`Up to ${plural(profile.monthlyCapacity, "request")} a month`, ...privately].join(" · "),
        },
      },
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          button(
            draft.mode === "edit" ? "Save changes" : "Confirm and list me",
            customId("mentor-confirm", draft.revision ?? ""),
            ButtonStyle.Success,
          ),
          button("Availability", customId("mentor-step", "availability")),
          button("Change answers", customId("mentor-step", "choices")),
          button("Cancel", customId("mentor-cancel")),
        ],
      },
    ],
  };
}

/** One labelled text field; Labels replace the action rows that modals used to hold (deprecated there). */
const input = (
  id: keyof MentorDraft,
  label: string,
  options: { value?: string; required?: boolean; max: number; placeholder?: string; paragraph?: boolean },
) => ({
  type: ComponentType.Label as const,
  label,
  component: {
    type: ComponentType.TextInput as const,
    custom_id: id,
    style: options.paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short,
    required: options.required ?? true,
    max_length: options.max,
    placeholder: options.placeholder,
    ...(options.value ? { value: options.value.slice(0, options.max) } : {}),
  },
});

export function aboutModal(draft: MentorDraft): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId("mentor-about"),
    title: "About your work (step 2 of 3)",
    components: [
      input("role", "Your role or title", {
        value: draft.role,
        max: PROFILE_LIMITS.role,
        placeholder: "e.g. Teen services librarian",
      }),
      input("institution", "Kind of institution (optional)", {
        value: draft.institution,
        required: false,
        max: PROFILE_LIMITS.institution,
        placeholder: "e.g. mid-size county library system",
      }),
      input("region", "Region", {
        value: draft.region,
        max: PROFILE_LIMITS.region,
        placeholder: "e.g. Pacific Northwest, US",
      }),
      input("timeZone", "Time zone", {
        value: draft.timeZone,
        max: 60,
        placeholder: "e.g. America/Chicago or UTC-5",
      }),
      input("topics", "Topics, comma-separated (up to 10)", {
        value: draft.topics,
        required: false,
        max: 450,
        placeholder: "e.g. cataloging, youth services, special collections",
      }),
    ],
  };
}

export function storyModal(draft: MentorDraft): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId("mentor-story"),
    title: "Your story (step 3 of 3)",
    components: [
      input("bio", "A short bio", {
        value: draft.bio,
        max: PROFILE_LIMITS.bio,
        paragraph: true,
        placeholder: "Your path into librarianship and what you enjoy about the work",
      }),
      input("careerMoves", "Career moves you made (optional)", {
        value: draft.careerMoves,
        required: false,
        max: PROFILE_LIMITS.careerMoves,
        placeholder: "e.g. school → public; paraprofessional → librarian",
      }),
      input("monthlyCapacity", "Requests a month you can take (1-10)", {
        value: draft.monthlyCapacity ?? String(PROFILE_LIMITS.defaultCapacity),
        required: false,
        max: 2,
      }),
    ],
  };
}

/** The optional step, from the preview: weekly hours, away dates and topics to avoid. */
export function availabilityModal(draft: MentorDraft): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId("mentor-availability"),
    title: "Availability (optional)",
    components: [
      input("weeklyWindows", "Usual weekly hours, your time zone", {
        value: draft.weeklyWindows,
        required: false,
        max: AVAILABILITY_LIMITS.windowsText,
        placeholder: "e.g. Tue 14:00-16:00, Thu 10:00-12:00",
      }),
      input("awayDates", "Days you are away", {
        value: draft.awayDates,
        required: false,
        max: AVAILABILITY_LIMITS.awayText,
        placeholder: "e.g. 2027-03-15, 2027-04-01 to 2027-04-10",
      }),
      input("avoidTopics", "Topics you'd rather not discuss", {
        value: draft.avoidTopics,
        required: false,
        max: 450,
        placeholder: "e.g. salary at my library, my previous employer",
      }),
    ],
  };
}
