import type { RoleSlug } from "./roles.js";

export interface RoleWords {
  /** How the role is named in the answer, and the keyword to search /findmentor with. */
  role: string;
  /** The `role:` option that covers it, when one does. */
  roleSlug?: RoleSlug;
  /** What people type for it where a library type is asked for. */
  words: readonly string[];
}

/** Kinds of work found in every type of library, which people sometimes type as a library type. */
export const ROLE_WORDS: readonly RoleWords[] = [
  {
    role: "cataloging",
    roleSlug: "cataloging",
    words: ["cataloging", "cataloguing", "catalog", "cataloger", "cataloguer", "metadata"],
  },
  {
    role: "technical services",
    roleSlug: "technical-services",
    words: ["technical-services", "tech-services", "acquisitions"],
  },
  {
    role: "youth services",
    roleSlug: "youth-services",
    words: ["youth", "youth-services", "children", "childrens", "kids"],
  },
  {
    role: "teen services",
    roleSlug: "youth-services",
    words: ["teen", "teens", "teen-services", "young-adult", "ya"],
  },
  {
    role: "instruction",
    roleSlug: "instruction",
    words: ["instruction", "information-literacy", "teaching"],
  },
  { role: "reference", words: ["reference", "reference-services"] },
  { role: "systems", roleSlug: "systems", words: ["systems", "library-systems", "it", "technology"] },
  { role: "user experience", roleSlug: "ux-assessment", words: ["ux", "user-experience"] },
  { role: "access services", roleSlug: "access-services", words: ["access-services", "circulation"] },
  {
    role: "leadership",
    roleSlug: "leadership",
    words: ["leadership", "management", "director", "administration"],
  },
  {
    role: "electronic resources",
    roleSlug: "technical-services",
    words: ["e-resources", "electronic-resources", "eresources"],
  },
  { role: "collection development", words: ["collection-development", "collections"] },
  {
    role: "records management",
    roleSlug: "records-management",
    words: ["records-management", "records-manager"],
  },
  { role: "outreach", words: ["outreach", "programming", "community-engagement"] },
];
