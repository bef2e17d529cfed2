import type { APIEmbed } from "discord.js";
import type { Reply } from "../../core/respond.js";
import { findLibraryType } from "../../domain/library-types.js";
import { plural } from "../../domain/plural.js";
import type { StatsSummary } from "../../domain/stats/index.js";
import type { ErrorLogger } from "../../domain/timers/scheduler.js";
import { BRAND_COLOR } from "../shared/style.js";
import type { Bar, StatsChartInput } from "./chart.js";

const CHART_FILE = "reference-desk-stats.png";

/**
 * /stats: every figure in text, and the same figures as a chart. The chart module (and the canvas
 * library under it) loads on the first /stats, not at start-up.
 */
export async function statsReply(summary: StatsSummary, logger: ErrorLogger): Promise<Reply> {
  const embed = statsEmbed(summary);
  try {
    const { renderStatsChart } = await import("./chart.js");
    const png = renderStatsChart(chartInput(summary));
    return {
      embeds: [{ ...embed, image: { url: `attachment://${CHART_FILE}` } }],
      files: [
        { attachment: png, name: CHART_FILE, description: "The funnel and unmet demand, as in the text" },
      ],
    };
  } catch (error) {
    logger.error({ err: error }, "could not draw the stats chart");
    return {
      embeds: [
        { ...embed, footer: { text: "The chart could not be drawn this time; the figures are all above." } },
      ],
    };
  }
}

function statsEmbed(summary: StatsSummary): APIEmbed {
  const window = summary.days === 1 ? "today" : `the last ${summary.days} days`;
  return {
    color: BRAND_COLOR,
    title: `Reference Desk statistics: ${window}`,
    description: `${summary.from} to ${summary.to} (UTC days). Counted as things happen, without names.`,
    fields: [
      {
        name: "Searches",
        value: `${plural(summary.searches, "search", "searches")}; ${summary.unmetTotal} found nobody available`,
      },
      {
        name: "Unmet demand (searches that found nobody available, by library type)",
        value: unmetText(summary),
      },
      {
        name: "Requests",
        value: `Sent ${summary.sent} · Accepted ${summary.accepted} · Declined ${summary.declined} · Expired ${summary.expired}`,
      },
      {
        name: "Interviews",
        value: `Scheduled ${summary.scheduled} · Met ${summary.met} · No-shows ${summary.noShows}`,
      },
      {
        name: "Median time to answer",
        value: hoursText(summary.medianAnswerHours, plural(summary.answers, "answer")),
        inline: true,
      },
      {
        name: "Median time to meet",
        value: hoursText(summary.medianMeetHours, plural(summary.meetings, "interview")),
        inline: true,
      },
      { name: "Average rating", value: ratingText(summary), inline: true },
    ],
  };
}

function unmetText(summary: StatsSummary): string {
  if (summary.unmet.length === 0) return "None: every search found someone.";
  return summary.unmet.map(({ libraryType, count }) => `${typeName(libraryType)} ${count}`).join(" · ");
}

function hoursText(hours: number | undefined, over: string): string {
  if (hours === undefined) return "None yet.";
  const minutes = Math.round(hours * 60);
  const shown =
    hours >= 1 ? `${hours.toFixed(1)} hours` : minutes < 1 ? "under a minute" : plural(minutes, "minute");
  return `${shown} (${over})`;
}

function ratingText(summary: StatsSummary): string {
  if (summary.averageRating === undefined) return "None yet.";
  return `${summary.averageRating.toFixed(1)} / 5 (${plural(summary.ratings, "rating")})`;
}

const typeName = (slug: string): string => findLibraryType(slug)?.name ?? slug;

function chartInput(summary: StatsSummary): StatsChartInput {
  const bar = (label: string, value: number, tone: Bar["tone"]): Bar => ({ label, value, tone });
  return {
    funnelTitle: `Requests, ${summary.from} to ${summary.to}`,
    funnel: [
      bar("Sent", summary.sent, "forward"),
      bar("Accepted", summary.accepted, "forward"),
      bar("Scheduled", summary.scheduled, "forward"),
      bar("Met", summary.met, "forward"),
      bar("Declined", summary.declined, "lost"),
      bar("Expired", summary.expired, "lost"),
      bar("No-shows", summary.noShows, "lost"),
    ],
    unmetTitle: "Searches that found nobody available",
    unmet: summary.unmet.map(({ libraryType, count }) => bar(typeName(libraryType), count, "unmet")),
    noUnmet: "None: every search found someone.",
  };
}
