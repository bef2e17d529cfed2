export interface RoleWords {
  /** How the role is named in the answer, and the keyword to search /findmentor with. */
  role: string;
  /** What people type for it where a library type is asked for. */
  words: readonly string[];
}

/** Kinds of work found in every type of library, which people sometimes type as a library type. */
export const ROLE_WORDS: readonly RoleWords[] = [
  {
    role: "cataloging",
    words: ["cataloging", "cataloguing", "catalog", "cataloger", "cataloguer", "metadata"],
  },
  { role: "technical services", words: ["technical-services", "tech-services", "acquisitions"] },
  { role: "youth services", words: ["youth", "youth-services", "children", "childrens", "kids"] },
  { role: "teen services", words: ["teen", "teens", "teen-services", "young-adult", "ya"] },
  { role: "instruction", words: ["instruction", "information-literacy", "teaching"] },
  { role: "reference", words: ["reference", "reference-services"] },
  { role: "systems", words: ["systems", "library-systems", "it", "technology"] },
  { role: "user experience", words: ["ux", "user-experience"] },
  { role: "access services", words: ["access-services", "circulation"] },
  { role: "leadership", words: ["leadership", "management", "director", "administration"] },
  { role: "electronic resources", words: ["e-resources", "electronic-resources", "eresources"] },
  { role: "collection development", words: ["collection-development", "collections"] },
  { role: "records management", words: ["records-management", "records-manager"] },
  { role: "outreach", words: ["outreach", "programming", "community-engagement"] },
];
