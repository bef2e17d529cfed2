import { type APIButtonComponentWithCustomId, type APIEmbed, ButtonStyle, ComponentType } from "discord.js";
import { customId } from "../../core/custom-ids.js";
import { LIMITS, truncate } from "../../core/limits.js";
import { safeText } from "../../core/safe-text.js";
import { getLibraryType } from "../../domain/library-types.js";
import { type MeetingFormat, type MentorProfile, summarizeWindows } from "../../domain/mentors/index.js";
import { BRAND_COLOR } from "../shared/style.js";

export const FORMAT_LABELS: Record<MeetingFormat, string> = {
  video: "Video call",
  phone: "Phone",
  text: "Text chat",
  "in-person": "In person",
};

const list = (items: readonly string[]): string => items.join(", ") || "—";

/**
 * A librarian's public card: what seekers see in /findmentor and /mentor profile. It never shows
 * contact details: the bot connects people only after the librarian accepts.
 */
export function mentorCard(profile: MentorProfile, options: { bioLength?: number } = {}): APIEmbed {
  const bioLength = options.bioLength ?? 500;
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
  const free = summarizeWindows(profile.weeklyWindows);
  if (free) fields.push({ name: "Usually free", value: `${free} (their time)`, inline: false });
  if (profile.topics.length)
    fields.push({ name: "Topics", value: safeText(profile.topics.join(", ")), inline: false });
  if (profile.careerMoves)
    fields.push({ name: "Career moves", value: safeText(profile.careerMoves), inline: false });
  const role = profile.institution ? `${profile.role}, ${profile.institution}` : profile.role;
  return {
    color: BRAND_COLOR,
    author: { name: profile.displayName },
    title: safeText(role),
    description: safeText(truncate(profile.bio, bioLength)),
    fields,
  };
}

/** The "Ask" button under a librarian's card in search results for one library type. */
export function askButton(profile: MentorProfile, typeSlug: string): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    label: truncate(`Ask ${profile.displayName}`, LIMITS.buttonLabel),
    custom_id: customId("request-ask", profile.userId, typeSlug),
  };
}
