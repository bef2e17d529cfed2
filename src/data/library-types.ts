export interface LibraryType {
  slug: LibraryTypeSlug;
  name: string;
  /** Short enough that "name: description" fits one autocomplete choice (100 characters) uncut. */
  description: string;
  aliases: readonly string[];
}

export const LIBRARY_TYPES = [
  {
    slug: "academic",
    name: "Academic library",
    description: "Universities and four-year colleges: research help, teaching, liaison work.",
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
    description: "K-12 school library media centers, run by a certified school librarian.",
    aliases: [
      "k12",
      "k-12",
      "school-library",
      "school-librarian",
      "media-specialist",
      "media-center",
      "teacher-librarian",
      "high-school",
      "middle-school",
      "elementary",
      "elementary-school",
    ],
  },
  {
    slug: "special",
    name: "Special library",
    description: "Libraries in organizations with one focus: nonprofits, associations, institutes.",
    aliases: ["special-library", "nonprofit", "association", "research-institute"],
  },
  {
    slug: "archives",
    name: "Archives",
    description: "Archives and manuscripts: appraisal, arrangement, description and access.",
    aliases: ["archive", "archivist", "records", "manuscripts"],
  },
  {
    slug: "rare-books",
    name: "Rare books and special collections",
    description: "Rare books and early printing: curating, exhibits, teaching.",
    aliases: ["special-collections", "rare-book-library", "special-collections-library", "book-history"],
  },
  {
    slug: "law",
    name: "Law library",
    description: "Law firms, courts, law schools and county law libraries.",
    aliases: ["law-library", "legal", "court", "court-library", "law-firm", "law-school"],
  },
  {
    slug: "medical",
    name: "Medical and health sciences library",
    description: "Hospitals, medical and nursing schools: clinical questions.",
    aliases: [
      "med",
      "medicine",
      "health",
      "health-sciences",
      "hospital",
      "hospital-library",
      "medical-library",
      "medical-school",
      "biomedical",
      "clinical",
      "nursing",
      "pharmacy",
    ],
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
    aliases: ["museum-library", "art-museum", "art-library", "gallery", "historical-society"],
  },
  {
    slug: "corporate",
    name: "Corporate library",
    description: "Company information centers: competitive intelligence, research, knowledge.",
    aliases: [
      "corporate-library",
      "business",
      "company",
      "knowledge-management",
      "information-center",
      "industry",
    ],
  },
  {
    slug: "community-college",
    name: "Community college library",
    description: "Two-year colleges: teaching-focused, diverse students, small teams.",
    aliases: ["cc", "two-year", "junior-college", "technical-college"],
  },
] as const satisfies readonly (Omit<LibraryType, "slug"> & { slug: string })[];

export type LibraryTypeSlug = (typeof LIBRARY_TYPES)[number]["slug"];
