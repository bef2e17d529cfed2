import type { LibraryTypeSlug } from "../library-types.js";

/**
 * For each library type, the types whose librarians could most usefully talk to someone aiming at
 * it, nearest first. Hand-ordered: the catalog has no categories, and spelling similarity
 * ("academic" ~ "archives") says nothing about careers. A `Record` so a new type must be added here.
 */
export const RELATED_TYPES: Record<LibraryTypeSlug, readonly LibraryTypeSlug[]> = {
  academic: ["community-college", "medical", "law", "archives", "special"],
  "public-library": ["school", "community-college", "government", "special"],
  school: ["public-library", "community-college", "academic"],
  special: ["corporate", "museum", "government", "medical", "law", "archives"],
  archives: ["rare-books", "museum", "special", "academic", "government"],
  "rare-books": ["archives", "museum", "academic", "special"],
  law: ["government", "academic", "corporate", "special"],
  medical: ["academic", "special", "corporate"],
  government: ["law", "public-library", "archives", "special"],
  museum: ["archives", "rare-books", "special", "academic"],
  corporate: ["special", "law", "medical"],
  "community-college": ["academic", "public-library", "school"],
};
