import { distance } from "fastest-levenshtein";
import { ValidationError } from "./errors.js";

/** An entry people pick by name: its slug, its display name and the other words they type for it. */
export interface Named {
  slug: string;
  name: string;
  aliases: readonly string[];
}

/** Lower case with spaces, hyphens and punctuation removed: "Children's" and "childrens" match. */
export const normalizeName = (input: string): string => input.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * Looking up one list (roles, stages) by what people type: a slug, name or alias whatever its case
 * and punctuation, or the start of one that only one entry has. `what` names the list in messages.
 */
export function namedList<Entry extends Named>(entries: readonly Entry[], what: string) {
  const namesOf = (entry: Entry): string[] => [entry.slug, entry.name, ...entry.aliases].map(normalizeName);
  const byName = new Map<string, Entry>();
  for (const entry of entries) for (const name of namesOf(entry)) byName.set(name, entry);

  /** The one entry with a name or alias starting with `query`, if only one has. */
  const onlyStartingWith = (query: string): Entry | undefined => {
    if (query.length < 3) return undefined;
    const matches = entries.filter((entry) => namesOf(entry).some((name) => name.startsWith(query)));
    return matches.length === 1 ? matches[0] : undefined;
  };

  /**
   * Entries ranked by how well they match what was typed: prefix matches of a name or alias first,
   * then substring matches, then by edit distance; ties keep list order. For autocomplete and
   * "did you mean".
   */
  const suggest = (input: string, limit = 3): Entry[] => {
    const query = normalizeName(input);
    if (!query) return entries.slice(0, limit);
    const scored = entries.map((entry) => {
      const best = Math.min(
        ...namesOf(entry).map((name) => {
          if (name.startsWith(query)) return name === query ? 0 : 1;
          if (name.includes(query)) return 2;
          return 3 + distance(query, name.slice(0, Math.max(query.length, 3)));
        }),
      );
      return { entry, best };
    });
    return scored
      .sort((a, b) => a.best - b.best)
      .slice(0, limit)
      .map(({ entry }) => entry);
  };

  return {
    suggest,
    is: (value: string): value is Entry["slug"] => entries.some((entry) => entry.slug === value),
    get(slug: Entry["slug"]): Entry {
      const entry = entries.find((each) => each.slug === slug);
      if (!entry) throw new Error(`Unknown ${what} slug ${slug}`);
      return entry;
    },
    /** The entry someone typed or picked, or a ValidationError (a UserError) naming the closest ones. */
    resolve(input: string): Entry {
      const query = normalizeName(input);
      const entry = byName.get(query) ?? onlyStartingWith(query);
      if (entry) return entry;
      const shown = input.length > 50 ? `${input.slice(0, 49)}…` : input;
      const suggestions = suggest(input, 3)
        .map((candidate) => `${candidate.name} (${candidate.slug})`)
        .join(", ");
      throw new ValidationError(
        what,
        `I don't know the ${what} "${shown}". Did you mean ${suggestions}? Pick one from the list as you type.`,
      );
    },
  };
}
