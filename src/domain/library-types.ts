import { distance } from "fastest-levenshtein";
import { LIBRARY_TYPES, type LibraryType, type LibraryTypeSlug } from "../data/library-types.js";
import { NEAREST_TYPES } from "../data/nearest-types.js";
import { ROLE_WORDS, type RoleWords } from "../data/role-words.js";
import { ValidationError } from "./errors.js";

export type { LibraryType, LibraryTypeSlug };

/** Lower case with spaces, hyphens and punctuation removed: "Public Library" and "public-library" match. */
export const normalizeTypeInput = (input: string): string => input.toLowerCase().replace(/[^a-z0-9]/g, "");

const byName = new Map<string, LibraryType>();
for (const type of LIBRARY_TYPES) {
  for (const name of [type.slug, type.name, ...type.aliases]) byName.set(normalizeTypeInput(name), type);
  byName.set(type.slug, type);
}

/** Words for kinds of library without a type of their own: the nearest type, and why. */
const nearestByAlias = new Map<string, { alias: string; type: LibraryType; note: string }>();
for (const near of NEAREST_TYPES) {
  const type = LIBRARY_TYPES.find((candidate) => candidate.slug === near.slug);
  if (!type) throw new Error(`Unknown library type ${near.slug} in NEAREST_TYPES`);
  for (const alias of near.aliases)
    nearestByAlias.set(normalizeTypeInput(alias), { alias, type, note: near.note });
}

/**
 * The word for a kind of library without a type of its own that starts with what was typed
 * (at least 3 characters), and its nearest type: autocomplete offers it so the note shows too.
 */
export function nearestTypeAlias(input: string): { alias: string; type: LibraryType } | undefined {
  const query = normalizeTypeInput(input);
  if (query.length < 3 || byName.has(query)) return undefined;
  for (const [key, { alias, type }] of nearestByAlias) if (key.startsWith(query)) return { alias, type };
  return undefined;
}

const roleByWord = new Map<string, RoleWords>();
for (const entry of ROLE_WORDS)
  for (const word of entry.words) roleByWord.set(normalizeTypeInput(word), entry);

export const allLibraryTypes = (): readonly LibraryType[] => LIBRARY_TYPES;

export function findLibraryType(input: string): LibraryType | undefined {
  // Slugs, as autocomplete fills them in, are keys already: no need to normalise.
  const exact = byName.get(input);
  if (exact) return exact;
  const key = normalizeTypeInput(input);
  return byName.get(key) ?? nearestByAlias.get(key)?.type;
}

/**
 * The sentence to show when someone typed a kind of library that only has a nearest type here
 * ("prison" is answered with public libraries), else undefined.
 */
export const nearestTypeNote = (input: string): string | undefined =>
  nearestByAlias.get(normalizeTypeInput(input))?.note;

/** The library type someone typed or picked, or a ValidationError (a UserError) naming the closest ones. */
export function resolveLibraryType(input: string): LibraryType {
  const type = findLibraryType(input);
  if (type) return type;
  const role = roleByWord.get(normalizeTypeInput(input));
  if (role) {
    const narrow = role.roleSlug ? `role:${role.roleSlug}` : `keyword:${role.role} to /findmentor`;
    throw new ValidationError(
      "libraryType",
      `${capitalize(role.role)} is a role found in every kind of library, not a library type: pick the kind of library you are curious about, and add ${narrow} to find its questions and the librarians who do it.`,
    );
  }
  const byStart = onlyTypeStartingWith(input);
  if (byStart) return byStart;
  const shown = input.length > 50 ? `${input.slice(0, 49)}…` : input;
  const suggestions = suggestLibraryTypes(input, 3)
    .map((candidate) => `${candidate.name} (${candidate.slug})`)
    .join(", ");
  throw new ValidationError(
    "libraryType",
    `I don't know the library type "${shown}". Did you mean ${suggestions}? Pick one from the list as you type.`,
  );
}

/** The role ("cataloging") when what was typed names a kind of work rather than a kind of library. */
export const roleTypedAsType = (input: string): string | undefined =>
  roleByWord.get(normalizeTypeInput(input))?.role;

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The one type with a name or alias starting with what was typed ("acad"), if only one has. */
function onlyTypeStartingWith(input: string): LibraryType | undefined {
  const query = normalizeTypeInput(input);
  if (query.length < 3) return undefined;
  const matches = LIBRARY_TYPES.filter((type) =>
    [type.slug, type.name, ...type.aliases].some((name) => normalizeTypeInput(name).startsWith(query)),
  );
  return matches.length === 1 ? matches[0] : undefined;
}

export function getLibraryType(slug: LibraryTypeSlug): LibraryType {
  const type = findLibraryType(slug);
  if (!type) throw new Error(`Unknown library type slug ${slug}`);
  return type;
}

export const isLibraryTypeSlug = (value: string): value is LibraryTypeSlug =>
  LIBRARY_TYPES.some((type) => type.slug === value);

/** How well one name matches: lower is better. */
function matchRank(query: string, name: string, isAlias: boolean): number {
  if (name === query) return 0;
  if (name.startsWith(query)) return isAlias ? 2 : 1;
  if (name.includes(query)) return 3;
  return 4 + distance(query, name.slice(0, Math.max(query.length, 3)));
}

/** Every name a type is known by, with aliases marked, including words that point to it as the nearest. */
function namesOf(type: LibraryType): { name: string; isAlias: boolean }[] {
  const nearest = NEAREST_TYPES.filter((near) => near.slug === type.slug).flatMap((near) => near.aliases);
  return [
    ...[type.slug, type.name].map((name) => ({ name: normalizeTypeInput(name), isAlias: false })),
    ...[...type.aliases, ...nearest].map((name) => ({ name: normalizeTypeInput(name), isAlias: true })),
  ];
}

/**
 * Library types ranked by how well they match what someone typed: an exact name or alias first,
 * then types whose slug or name starts with it ("med" → Medical), then those with an alias that
 * does, then substring matches, then by edit distance. Used by autocomplete and for "did you mean".
 */
export function suggestLibraryTypes(input: string, limit = 3): LibraryType[] {
  const query = normalizeTypeInput(input);
  if (!query) return LIBRARY_TYPES.slice(0, limit);
  const scored = LIBRARY_TYPES.map((type) => ({
    type,
    best: Math.min(...namesOf(type).map(({ name, isAlias }) => matchRank(query, name, isAlias))),
  }));
  return scored
    .sort((a, b) => a.best - b.best)
    .slice(0, limit)
    .map(({ type }) => type);
}
