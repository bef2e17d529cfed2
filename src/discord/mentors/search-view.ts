import { type APIActionRowComponent, type APIComponentInMessageActionRow, ComponentType } from "discord.js";
import type { Reply } from "../../core/respond.js";
import type { LibraryType } from "../../domain/library-types.js";
import type { SearchResult } from "../../domain/mentors/index.js";
import type { Role } from "../../domain/roles.js";
import { sectorCardButton } from "../sectors/card.js";
import { askButton, mentorCard } from "./card.js";

interface SearchViewOptions {
  /** A line before the answer. */
  intro?: string | undefined;
  /** The role the search was narrowed to. */
  role?: Role | undefined;
}

/** A search's answer: the librarians' cards with an Ask button each, or what to try when nobody fits. */
export function searchView(result: SearchResult, type: LibraryType, options: SearchViewOptions = {}): Reply {
  const { intro, role } = options;
  if (result.results.length === 0) return noMatchView(result, type, intro, role);
  const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
    type: ComponentType.ActionRow,
    components: result.results.map((ranked) => askButton(ranked.profile, type.slug)),
  };
  const count = result.results.length;
  return {
    content: lines(
      intro,
      `**${count}** librarian${count === 1 ? "" : "s"} for **${type.name}** who agreed to informational interviews. ` +
        "Asking sends them your note; they decide, and nothing is shared until they accept.",
    ),
    embeds: result.results.map((ranked) => mentorCard(ranked.profile, { bioLength: 300 })),
    components: [row],
  };
}

function noMatchView(
  result: SearchResult,
  type: LibraryType,
  intro: string | undefined,
  role: Role | undefined,
): Reply {
  const nearby = (result.nearby ?? [])
    .filter((near) => near.count > 0)
    .map((near) => `${near.count} for **${near.name}**`)
    .join(", ");
  const busy = result.total ? " (the ones who match are busy this month or not available to you)" : "";
  return {
    content: lines(
      intro,
      `No librarians for **${type.name}**${role ? ` in **${role.name}**` : ""} can take a request right now${busy}.`,
      nearby && `Librarians who match in related types: ${nearby}. Try \`/findmentor\` with one of those.`,
      `Meanwhile, prepare with \`/questions ${type.slug}${role ? ` role:${role.slug}` : ""}\` and \`/guide\`; new librarians join often.`,
      `**Sector card** below: entry-level titles, credentials, where ${type.name.toLowerCase()} jobs are posted, hiring timelines and salary data.`,
    ),
    components: [{ type: ComponentType.ActionRow, components: [sectorCardButton(type.slug)] }],
  };
}

const lines = (...parts: (string | undefined)[]): string => parts.filter(Boolean).join("\n");
