import { type APIButtonComponentWithCustomId, type APIEmbed, ButtonStyle, ComponentType } from "discord.js";
import { customId } from "../../core/custom-ids.js";
import { respond } from "../../core/respond.js";
import type { ComponentHandlers } from "../../core/types.js";
import type { LibraryTypeSlug } from "../../data/library-types.js";
import { AFFINITY_GROUPS, SECTOR_CARDS } from "../../data/sector-cards.js";
import { getLibraryType, isLibraryTypeSlug } from "../../domain/library-types.js";
import { BRAND_COLOR } from "../shared/style.js";

// Escapes the asterisk in names like A*CENSUS so Discord doesn't read it as italics.
const bullets = (items: readonly string[]): string =>
  items.map((item) => `• ${item.replaceAll("*", "\\*")}`).join("\n");

/** The hiring facts for one kind of library: titles, credentials, job boards, timelines, pay data. */
export function sectorCardEmbed(slug: LibraryTypeSlug): APIEmbed {
  const card = SECTOR_CARDS[slug];
  const type = getLibraryType(slug);
  return {
    color: BRAND_COLOR,
    title: `Sector card: ${type.name}`,
    description: type.description,
    fields: [
      { name: "Entry-level job titles", value: bullets(card.entryTitles) },
      {
        name: "Credentials",
        value: `**Required:**\n${bullets(card.required)}\n**Preferred:**\n${bullets(card.preferred)}`,
      },
      { name: "Where jobs are posted", value: bullets(card.postings) },
      { name: "Typical hiring timeline", value: bullets(card.timeline) },
      { name: "Where salary data is published", value: bullets(card.salaryData) },
      {
        name: "Associations and affinity groups (optional)",
        value: bullets([...card.associations, ...AFFINITY_GROUPS]),
      },
      { name: "Sources", value: card.sources.join(" · ") },
    ],
    footer: { text: "Details change: check each posting. Ask a working librarian: /findmentor" },
  };
}

/** A button that shows the sector card for `slug` to whoever presses it. */
export function sectorCardButton(slug: LibraryTypeSlug): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: "Sector card",
    custom_id: customId("sector-card", slug),
  };
}

/** Anyone may open a card (it holds nothing personal), always privately. */
export const sectorCardHandlers = {
  async "sector-card"(interaction, args) {
    const [slug = ""] = args;
    if (!isLibraryTypeSlug(slug)) throw new Error(`Bad library type in custom ID: ${slug}`);
    await respond(interaction, { ephemeral: true, embeds: [sectorCardEmbed(slug)] });
  },
} satisfies ComponentHandlers;
