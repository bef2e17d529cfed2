import { type APIButtonComponentWithCustomId, type APIEmbed, ButtonStyle, ComponentType } from "discord.js";
import { customId } from "../core/custom-ids.js";
import { LIMITS, truncate } from "../core/limits.js";
import { sealEmbed } from "../core/respond.js";
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
// replaced on every write, so what is cached per object is never stale. Cached parts are frozen: shared.
const cards = new WeakMap<MentorProfile, Map<number, APIEmbed>>();
const buttons = new WeakMap<MentorProfile, Map<string, APIButtonComponentWithCustomId>>();

function cached<K, V>(
  cache: WeakMap<MentorProfile, Map<K, V>>,
  profile: MentorProfile,
  key: K,
  make: () => V,
): V {
  let byKey = cache.get(profile);
  if (!byKey) {
    byKey = new Map();
    cache.set(profile, byKey);
  }
  let value = byKey.get(key);
  if (value === undefined) {
    value = make();
    byKey.set(key, value);
  }
  return value;
}

/**
 * A librarian's public card: what seekers see in /findmentor and /mentor profile. It never shows
 * contact details: the bot connects people only after the librarian accepts.
 */
export function mentorCard(profile: MentorProfile, options: { bioLength?: number } = {}): APIEmbed {
  const bioLength = options.bioLength ?? 500;
  return cached(cards, profile, bioLength, () => renderCard(profile, bioLength));
}

/** The "Ask" button under a librarian's card in search results for one library type. */
export function askButton(profile: MentorProfile, typeSlug: string): APIButtonComponentWithCustomId {
  return cached(buttons, profile, typeSlug, () =>
    Object.freeze({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: truncate(`Ask ${profile.displayName}`, LIMITS.buttonLabel),
      custom_id: customId("request-ask", profile.userId, typeSlug),
    } as const),
  );
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
  return sealEmbed({
    color: BRAND_COLOR,
    author: { name: profile.displayName },
    title: safeText(role),
    description: safeText(truncate(profile.bio, bioLength)),
    fields,
  });
}
