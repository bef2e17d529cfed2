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
 * Matching what people type against a list whose entries go by several names: `exact` ignores case,
 * spaces and punctuation; `find` also takes the start of a name that only one entry has ("catal");
 * `suggest` ranks prefix matches first, then substring matches, then by edit distance, ties in list
 * order (for autocomplete and "did you mean").
 */
export function nameMatcher<Entry>(entries: readonly Entry[], names: (entry: Entry) => readonly string[]) {
  const namesOf = (entry: Entry): string[] => names(entry).map(normalizeName);
  const byName = new Map<string, Entry>();
  for (const entry of entries) for (const name of namesOf(entry)) byName.set(name, entry);

  const exact = (input: string): Entry | undefined => byName.get(normalizeName(input));

  const find = (input: string): Entry | undefined => {
    const found = exact(input);
    const query = normalizeName(input);
    if (found || query.length < 3) return found;
    const matches = entries.filter((entry) => namesOf(entry).some((name) => name.startsWith(query)));
    return matches.length === 1 ? matches[0] : undefined;
  };

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

  return { exact, find, suggest };
}

/** A list people pick from by slug, name or alias (roles, stages); `what` names it in messages. */
export function namedList<Entry extends Named>(entries: readonly Entry[], what: string) {
  const { find, suggest } = nameMatcher(entries, (entry) => [entry.slug, entry.name, ...entry.aliases]);
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
      const entry = find(input);
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
