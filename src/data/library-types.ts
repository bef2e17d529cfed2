export interface LibraryType {
  slug: LibraryTypeSlug;
  name: string;
  description: string;
  aliases: readonly string[];
}

export const LIBRARY_TYPES = [
  {
    slug: "academic",
    name: "Academic library",
    description:
      "Universities and four-year colleges: research help, teaching, liaison work with departments.",
    aliases: ["academic-library", "university", "college", "research-library", "higher-ed"],
  },
  {
    slug: "public-library",
    name: "Public library",
    description: "City, county and regional systems serving everyone, from story time to job help.",
    aliases: ["public", "municipal", "county-library", "branch"],
  },
  {
    slug: "school",
    name: "School library",
    description: "K-12 school library media centres, usually run by a certified teacher-librarian.",
    aliases: ["k12", "k-12", "school-library", "media-specialist", "teacher-librarian"],
  },
  {
    slug: "special",
    name: "Special library",
    description:
      "Libraries inside organisations with one focus: nonprofits, associations, research institutes.",
    aliases: ["special-library", "nonprofit", "association", "research-institute"],
  },
  {
    slug: "archives",
    name: "Archives and special collections",
    description: "Archives, manuscripts and rare books: appraisal, arrangement, description and access.",
    aliases: ["archive", "archivist", "special-collections", "records", "rare-books"],
  },
  {
    slug: "law",
    name: "Law library",
    description: "Law firms, courts, law schools and county law libraries.",
    aliases: ["law-library", "legal", "court", "law-firm"],
  },
  {
    slug: "medical",
    name: "Medical and health sciences library",
    description: "Hospitals, medical schools and health systems: clinical questions and systematic reviews.",
    aliases: ["health", "health-sciences", "hospital", "medical-library", "biomedical", "clinical"],
  },
  {
    slug: "government",
    name: "Government library",
    description: "Federal, state and local agencies, legislatures and national libraries.",
    aliases: ["government-library", "federal", "state-library", "agency", "gov"],
  },
  {
    slug: "museum",
    name: "Museum library",
    description: "Libraries and archives of museums, galleries, zoos and historical societies.",
    aliases: ["museum-library", "art-library", "gallery", "historical-society"],
  },
  {
    slug: "corporate",
    name: "Corporate library",
    description:
      "Information centres and knowledge management in companies: competitive intelligence, research.",
    aliases: ["corporate-library", "business", "knowledge-management", "information-center", "industry"],
  },
  {
    slug: "community-college",
    name: "Community college library",
    description:
      "Two-year colleges: teaching-focused, diverse students, often a small team doing everything.",
    aliases: ["cc", "two-year", "junior-college", "technical-college"],
  },
] as const satisfies readonly (Omit<LibraryType, "slug"> & { slug: string })[];

export type LibraryTypeSlug = (typeof LIBRARY_TYPES)[number]["slug"];
