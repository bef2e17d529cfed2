export interface Stage {
  slug: StageSlug;
  name: string;
  /** One line for autocomplete; with the name it fits Discord's 100-character choice name. */
  description: string;
  aliases: readonly string[];
}

/**
 * Where someone is on the way into (or across) library work. Career changers get one stage per
 * former field, each named "Career changer (from …)", so typing "career" lists them all together.
 * Slugs stay at most 20 characters so a page button's custom ID fits with the longest type and role.
 */
export const STAGES = [
  {
    slug: "pre-mlis",
    name: "Thinking about an MLIS",
    description: "Deciding whether library school is worth it, and which program.",
    aliases: [
      "mlis",
      "thinking-about-mlis",
      "considering-mlis",
      "prospective-student",
      "mls",
      "library-school",
    ],
  },
  {
    slug: "student",
    name: "Current MLIS student",
    description: "In library school: practicum, electives, first library jobs.",
    aliases: ["mlis-student", "library-student", "practicum", "grad-student", "current-student"],
  },
  {
    slug: "new-grad",
    name: "New graduate",
    description: "Just finished the degree: first professional job, relocation, residencies.",
    aliases: ["new-graduate", "recent-graduate", "recent-grad", "graduate", "early-career", "residency"],
  },
  {
    slug: "paraprofessional",
    name: "Paraprofessional moving up",
    description: "Library technicians and assistants moving into librarian roles.",
    aliases: [
      "paraprofessional",
      "library-technician",
      "technician",
      "library-assistant",
      "para",
      "support-staff",
    ],
  },
  {
    slug: "from-teaching",
    name: "Career changer (from teaching)",
    description: "Former K-12 or college teachers.",
    aliases: ["teacher", "teaching", "educator", "career-changer-teaching"],
  },
  {
    slug: "from-law",
    name: "Career changer (from law)",
    description: "Former lawyers and paralegals.",
    aliases: ["lawyer", "attorney", "paralegal", "law", "career-changer-law"],
  },
  {
    slug: "from-health-science",
    name: "Career changer (from nursing or science)",
    description: "Former nurses, clinicians and lab scientists.",
    aliases: [
      "nurse",
      "nursing",
      "scientist",
      "science",
      "clinician",
      "researcher",
      "career-changer-science",
    ],
  },
  {
    slug: "from-history",
    name: "Career changer (from history)",
    description: "Historians and humanities PhDs.",
    aliases: ["historian", "history", "humanities", "phd", "academic-historian", "career-changer-history"],
  },
  {
    slug: "from-it",
    name: "Career changer (from IT)",
    description: "Former developers, IT staff and tech workers.",
    aliases: ["it", "tech", "developer", "programmer", "software", "career-changer-it"],
  },
  {
    slug: "from-business",
    name: "Career changer (from business)",
    description: "Former business, marketing and finance staff.",
    aliases: ["business", "corporate-career", "marketing", "finance", "sales", "career-changer-business"],
  },
  {
    slug: "sector-switcher",
    name: "Sector switcher",
    description: "Moving between kinds of libraries, e.g. public to academic.",
    aliases: ["switching-sectors", "switcher", "changing-sectors", "sector-change", "switching-libraries"],
  },
  {
    slug: "international",
    name: "Internationally trained librarian",
    description: "Trained abroad: credential recognition, local practice.",
    aliases: ["internationally-trained", "foreign-trained", "immigrant", "trained-abroad", "newcomer"],
  },
] as const satisfies readonly (Omit<Stage, "slug"> & { slug: string })[];

export type StageSlug = (typeof STAGES)[number]["slug"];
