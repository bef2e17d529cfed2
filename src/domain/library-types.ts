import { distance } from "fastest-levenshtein";
import { LIBRARY_TYPES, type LibraryType, type LibraryTypeSlug } from "../data/library-types.js";
import { ValidationError } from "./errors.js";

export type { LibraryType, LibraryTypeSlug };

/** Lower case with spaces, hyphens and punctuation removed: "Public Library" and "public-library" match. */
export const normalizeTypeInput = (input: string): string => input.toLowerCase().replace(/[^a-z0-9]/g, "");

const byName = new Map<string, LibraryType>();
for (const type of LIBRARY_TYPES) {
  for (const name of [type.slug, type.name, ...type.aliases]) byName.set(normalizeTypeInput(name), type);
  byName.set(type.slug, type);
}

export const allLibraryTypes = (): readonly LibraryType[] => LIBRARY_TYPES;

export function findLibraryType(input: string): LibraryType | undefined {
  // Slugs, as autocomplete fills them in, are keys already: no need to normalise.
  return byName.get(input) ?? byName.get(normalizeTypeInput(input));
}

/** The library type someone typed or picked, or a ValidationError (a UserError) naming the closest ones. */
export function resolveLibraryType(input: string): LibraryType {
  const type = findLibraryType(input) ?? onlyTypeStartingWith(input);
  if (type) return type;
  const shown = input.length > 50 ? `${input.slice(0, 49)}…` : input;
  const suggestions = suggestLibraryTypes(input, 3)
    .map((candidate) => `${candidate.name} (${candidate.slug})`)
    .join(", ");
  throw new ValidationError(
    "libraryType",
    `I don't know the library type "${shown}". Did you mean ${suggestions}? Pick one from the list as you type.`,
  );
}

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

/**
 * Library types ranked by how well they match what someone typed: prefix matches of a name or alias
 * first, then substring matches, then by edit distance. Used by autocomplete and for "did you mean".
 */
export function suggestLibraryTypes(input: string, limit = 3): LibraryType[] {
  const query = normalizeTypeInput(input);
  if (!query) return LIBRARY_TYPES.slice(0, limit);
  const scored = LIBRARY_TYPES.map((type) => {
    const names = [type.slug, type.name, ...type.aliases].map(normalizeTypeInput);
    const best = Math.min(
      ...names.map((name) => {
        if (name.startsWith(query)) return name === query ? 0 : 1;
        if (name.includes(query)) return 2;
        return 3 + distance(query, name.slice(0, Math.max(query.length, 3)));
      }),
    );
    return { type, best };
  });
  return scored
    .sort((a, b) => a.best - b.best)
    .slice(0, limit)
    .map(({ type }) => type);
}
