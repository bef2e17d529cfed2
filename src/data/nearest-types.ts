import type { LibraryTypeSlug } from "./library-types.js";

export interface NearestType {
  /** What seekers type for a kind of library that has no type of its own here. */
  aliases: readonly string[];
  slug: LibraryTypeSlug;
  /** One sentence shown with the answer, saying why this type is the nearest. */
  note: string;
}

export const NEAREST_TYPES: readonly NearestType[] = [
  {
    aliases: ["prison", "prison-library", "correctional", "correctional-library", "jail"],
    slug: "public-library",
    note: "Prison libraries aren't a type of their own here; their work (leisure reading, reentry help, legal materials) is closest to public libraries', and many are run with a public library system.",
  },
  {
    aliases: ["tribal", "tribal-library"],
    slug: "public-library",
    note: "Tribal libraries aren't a type of their own here; they serve their whole community, so their work is closest to public libraries'.",
  },
  {
    aliases: ["tribal-college", "tribal-college-library"],
    slug: "community-college",
    note: "Tribal college libraries are grouped with community colleges here: most tribal colleges are small, teaching-focused and offer two-year degrees.",
  },
  {
    aliases: ["military", "military-library", "base-library", "armed-forces"],
    slug: "government",
    note: "Military libraries aren't a type of their own here; they are federal jobs, so they sit with government libraries, though a base library's daily work is much like a public library's.",
  },
  {
    aliases: ["national", "national-library"],
    slug: "government",
    note: "National libraries are grouped with government libraries here, since a national government runs them.",
  },
  {
    aliases: ["presidential", "presidential-library"],
    slug: "archives",
    note: "Presidential libraries are run by the National Archives and their work is mostly archival, so they are grouped with archives here.",
  },
  {
    aliases: ["zoo", "zoo-library", "aquarium", "botanical-garden", "arboretum"],
    slug: "museum",
    note: "Zoo, aquarium and botanical garden libraries are grouped with museum libraries here: they are small research libraries inside collecting institutions.",
  },
  {
    // Drug and biotech companies hire librarians for research and competitive intelligence, not patient
    // care: their jobs, hiring and mentors look like corporate libraries', not hospital libraries'.
    aliases: ["pharma", "pharmaceutical", "biotech", "biotechnology"],
    slug: "corporate",
    note: "Pharmaceutical and biotech company libraries are grouped with corporate libraries here: their work is company research; hospital and medical school libraries are under Medical.",
  },
];
