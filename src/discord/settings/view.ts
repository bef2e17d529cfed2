import { type APIEmbed, channelMention } from "discord.js";
import ms from "ms";
import { safeText } from "../../core/safe-text.js";
import type { BotContext } from "../../core/types.js";
import { type GuildSettings, NUMERIC_SETTINGS, type TrailLevel } from "../../domain/settings/index.js";
import { meetingTimesText } from "../meetings/durations.js";
import { BRAND_COLOR } from "../shared/style.js";

/** Option names, and the setting each integer option changes. */
export const NUMBER_OPTIONS = {
  "max-pending": "maxPendingPerSeeker",
  "cooldown-days": "sameMentorCooldownDays",
  "auto-pause-after": "autoPauseAfterExpiries",
  "no-shows-before-pause": "noShowsBeforePause",
} as const;

/** The `trail` option's choices, as moderators pick them. */
export const TRAIL_CHOICES: Record<TrailLevel, string> = {
  all: "all: joins, profile edits, leaving, and the safety events",
  safety: "safety only: removals, pauses by the bot, blocks, no-shows, reports",
  off: "off: nothing, not even reports",
};

const TRAIL_SUMMARIES: Record<TrailLevel, string> = {
  all:
    "A line for every librarian joining, editing their profile or leaving, every removal by a moderator, " +
    "pause by the bot and block, every no-show and dispute, and every report",
  safety:
    "Safety only: a line for every removal by a moderator, pause by the bot and block, every no-show and dispute, and every report",
  off: "Off: nothing is posted, not even reports",
};

/** What /config shows: the channels, the limits, what the host set, and how requests went. */
export function settingsEmbed(settings: GuildSettings, context: BotContext, guildId: string): APIEmbed {
  const stats = context.services.requests.queries.stats(guildId);
  const counts = Object.entries(stats)
    .map(([state, count]) => `${state} ${count}`)
    .join(" · ");
  const { requestExpiryMs, feedPollIntervalMs } = context.config;
  return {
    color: BRAND_COLOR,
    title: "Interview request settings",
    fields: [
      {
        name: "Mentoring channel",
        value: settings.mentoringChannelId
          ? `${channelMention(settings.mentoringChannelId)}: private threads for accepted interviews open here.`
          : "⚠️ Not set. Accepted interviews are connected by DM, and requests to librarians whose DMs are closed can't be delivered.",
      },
      {
        name: "Log channel",
        value: settings.logChannelId
          ? `${channelMention(settings.logChannelId)}: reports and notices go here.`
          : "⚠️ Not set. Librarians' reports have nowhere to go.",
      },
      {
        name: "Moderator's trail",
        value: `${TRAIL_SUMMARIES[settings.trail]} (\`trail\`: ${settings.trail}).`,
      },
      ...Object.entries(NUMBER_OPTIONS).map(([name, field]) => ({
        name: NUMERIC_SETTINGS[field].label,
        value: `${settings[field]} (\`${name}\`)`,
        inline: true,
      })),
      {
        name: "Set by the bot's host",
        value: `Requests expire after ${ms(requestExpiryMs, { long: true })}; ${meetingTimesText(context.config)}; feeds are checked every ${ms(feedPollIntervalMs, { long: true })}.`,
      },
      { name: "Requests so far", value: counts },
      { name: "Was it useful? (private ratings after interviews)", value: ratingsText(context, guildId) },
    ],
  };
}

function ratingsText(context: BotContext, guildId: string): string {
  const ratings = context.services.requests.queries.ratingsByMentor(guildId);
  if (ratings.length === 0) return "No ratings yet.";
  const lines = ratings.slice(0, 10).map(({ mentorId, count, average }) => {
    const name = context.services.mentors.get(guildId, mentorId)?.displayName ?? "a former volunteer";
    return `${safeText(name)}: ${average.toFixed(1)} / 5 (${count} rating${count === 1 ? "" : "s"})`;
  });
  if (ratings.length > 10) lines.push(`…and ${ratings.length - 10} more`);
  return lines.join("\n");
}
