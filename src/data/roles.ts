export interface Role {
  slug: RoleSlug;
  name: string;
  /** One line for autocomplete; with the name it fits Discord's 100-character choice name. */
  description: string;
  aliases: readonly string[];
  /**
   * Words and phrases librarians of this role tend to put in their topics or role; `/findmentor`
   * keeps a librarian when one of them starts a word there ("catalog" finds "cataloging").
   */
  matchWords: readonly string[];
}

export const ROLES = [
  {
    slug: "youth-services",
    name: "Youth services",
    description: "Children's and teen librarians: story time, programs, schools.",
    aliases: ["youth", "children's", "children", "kids", "teen", "teens", "young-adult", "ya"],
    matchWords: [
      "youth",
      "child",
      "kids",
      "teen",
      "young adult",
      "story time",
      "storytime",
      "early literacy",
    ],
  },
  {
    slug: "cataloging",
    name: "Cataloging and metadata",
    description: "Describing collections: RDA, MARC, authority work, linked data.",
    aliases: ["cataloguing", "cataloger", "cataloguer", "metadata", "catalog"],
    matchWords: ["catalog", "metadata", "rda", "marc", "technical services"],
  },
  {
    slug: "technical-services",
    name: "Technical services and e-resources",
    description: "Acquisitions, serials, licenses and e-resource access.",
    aliases: [
      "tech-services",
      "e-resources",
      "eresources",
      "electronic-resources",
      "acquisitions",
      "serials",
    ],
    matchWords: [
      "technical services",
      "e resources",
      "eresources",
      "electronic resources",
      "acquisition",
      "serials",
      "licensing",
    ],
  },
  {
    slug: "systems",
    name: "Systems and library technology",
    description: "Running the catalog, discovery, proxy and other library systems.",
    aliases: ["systems-librarian", "library-technology", "technology", "tech", "it", "ils"],
    matchWords: [
      "systems",
      "library technology",
      "technology",
      "ils",
      "discovery",
      "web development",
      "programming",
    ],
  },
  {
    slug: "instruction",
    name: "Instruction",
    description: "Teaching information literacy in classes, workshops and tutorials.",
    aliases: ["teaching", "information-literacy", "library-instruction", "infolit"],
    matchWords: ["instruction", "teaching", "information literacy", "pedagogy", "workshops"],
  },
  {
    slug: "research-data",
    name: "Research data and GIS",
    description: "Data management plans, repositories, data and mapping help.",
    aliases: ["data", "gis", "data-services", "data-management", "maps", "geospatial"],
    matchWords: [
      "research data",
      "data management",
      "data services",
      "data curation",
      "datasets",
      "gis",
      "geospatial",
      "mapping",
    ],
  },
  {
    slug: "scholarly-communication",
    name: "Scholarly communication and copyright",
    description: "Open access, repositories, author rights, copyright help.",
    aliases: ["scholcomm", "scholarly-communications", "copyright", "open-access", "oa", "fair-use"],
    matchWords: [
      "scholarly communication",
      "copyright",
      "open access",
      "fair use",
      "repository",
      "author rights",
      "publishing",
    ],
  },
  {
    slug: "digital-scholarship",
    name: "Digital scholarship",
    description: "Digital humanities, text analysis and digital research projects.",
    aliases: ["digital-humanities", "dh", "digital-projects"],
    matchWords: [
      "digital scholarship",
      "digital humanities",
      "text mining",
      "text analysis",
      "digital projects",
    ],
  },
  {
    slug: "special-collections",
    name: "Special collections and rare books",
    description: "Rare books and manuscripts: reading room, teaching, buying.",
    aliases: ["rare-books", "rare-book", "manuscripts", "special-collections-librarian"],
    matchWords: ["special collections", "rare book", "manuscript", "primary source", "archives", "archival"],
  },
  {
    slug: "records-management",
    name: "Records management",
    description: "Retention schedules, electronic records and information governance.",
    aliases: ["records-manager", "information-governance", "retention", "rim"],
    matchWords: ["records", "retention", "information governance", "compliance"],
  },
  {
    slug: "ux-assessment",
    name: "UX and assessment",
    description: "User research, usability testing and library data for decisions.",
    aliases: ["ux", "user-experience", "assessment", "usability", "user-research"],
    matchWords: ["ux", "user experience", "usability", "assessment", "user research", "analytics"],
  },
  {
    slug: "access-services",
    name: "Access services",
    description: "Circulation, reserves, interlibrary loan and the front desk.",
    aliases: ["circulation", "interlibrary-loan", "ill", "resource-sharing", "reserves"],
    matchWords: ["access services", "circulation", "interlibrary", "resource sharing", "reserves"],
  },
  {
    slug: "leadership",
    name: "Library leadership",
    description: "Directors, deans, department heads: budgets, staff, strategy.",
    aliases: ["management", "manager", "director", "dean", "administration", "library-director"],
    matchWords: [
      "leadership",
      "director",
      "dean",
      "administration",
      "administrator",
      "supervisor",
      "supervising",
      "library management",
      "head of",
    ],
  },
] as const satisfies readonly (Omit<Role, "slug"> & { slug: string })[];

export type RoleSlug = (typeof ROLES)[number]["slug"];
