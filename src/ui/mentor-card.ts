import { type APIButtonComponentWithCustomId, type APIEmbed, ButtonStyle, ComponentType } from "discord.js";
import { customId } from "../core/custom-ids.js";
import { LIMITS, truncate } from "../core/limits.js";
import { getLibraryType } from "../domain/library-types.js";
import type { MeetingFormat, MentorProfile } from "../domain/mentors/index.js";
import { safeText } from "./safe-text.js";
import { BRAND_COLOR } from "./style.js";

export const FORMAT_LABELS: Record<MeetingFormat, string> = {
  video: "Video call",
  phone: "Phone",
  text: "Text chat",
  "in-person": "In person",
};

const list = (items: readonly string[]): string => items.join(", ") || "—";

// discord.js's markdown escaping is the slowest step of a search answer; a profile object is
// replaced on every write, so a card cached per object is never stale. Cards are frozen: shared.
const cache = new WeakMap<MentorProfile, Map<number, APIEmbed>>();

/**
 * A librarian's public card: what seekers see in /findmentor and /mentor profile. It never shows
 * contact details: the bot connects people only after the librarian accepts.
 */
export function mentorCard(profile: MentorProfile, options: { bioLength?: number } = {}): APIEmbed {
  const bioLength = options.bioLength ?? 500;
  let byLength = cache.get(profile);
  if (!byLength) {
    byLength = new Map();
    cache.set(profile, byLength);
  }
  let card = byLength.get(bioLength);
  if (!card) {
    card = renderCard(profile, bioLength);
    byLength.set(bioLength, card);
  }
  return card;
}

const buttons = new WeakMap<MentorProfile, Map<string, APIButtonComponentWithCustomId>>();

/** The "Ask" button under a librarian's card in search results for one library type; cached like cards. */
export function askButton(profile: MentorProfile, typeSlug: string): APIButtonComponentWithCustomId {
  let byType = buttons.get(profile);
  if (!byType) {
    byType = new Map();
    buttons.set(profile, byType);
  }
  let button = byType.get(typeSlug);
  if (!button) {
    button = Object.freeze({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: truncate(`Ask ${profile.displayName}`, LIMITS.buttonLabel),
      custom_id: customId("request-ask", profile.userId, typeSlug),
    } as const);
    byType.set(typeSlug, button);
  }
  return button;
}

function renderCard(profile: MentorProfile, bioLength: number): APIEmbed {
  const fields = [
    {
      name: "Library types",
      value: list(profile.libraryTypes.map((slug) => getLibraryType(slug).name)),
      inline: true,
    },
    {
      name: "Region and time zone",
      value: `${safeText(profile.region)} (${profile.timeZone})`,
      inline: true,
    },
    { name: "Talks by", value: list(profile.formats.map((format) => FORMAT_LABELS[format])), inline: true },
  ];
  if (profile.topics.length)
    fields.push({ name: "Topics", value: safeText(profile.topics.join(", ")), inline: false });
  if (profile.careerMoves)
    fields.push({ name: "Career moves", value: safeText(profile.careerMoves), inline: false });
  const role = profile.institution ? `${profile.role}, ${profile.institution}` : profile.role;
  return Object.freeze({
    color: BRAND_COLOR,
    author: Object.freeze({ name: truncate(profile.displayName, LIMITS.author) }),
    title: truncate(safeText(role), LIMITS.embedTitle),
    description: safeText(truncate(profile.bio, bioLength)),
    fields: Object.freeze(fields.map((field) => Object.freeze(field))) as APIEmbed["fields"],
  });
}
