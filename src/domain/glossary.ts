import { distance } from "fastest-levenshtein";
import { GLOSSARY, GLOSSARY_AREAS, type GlossaryAreaId, type GlossaryEntry } from "../data/glossary.js";
import { ValidationError } from "./errors.js";

export type { GlossaryEntry };

/** Lower case with spaces and punctuation removed: "one shot", "One-Shot" and "oneshot" match. */
export const normalizeTerm = (input: string): string => input.toLowerCase().replace(/[^a-z0-9]/g, "");

const namesOf = (entry: GlossaryEntry): string[] => [entry.term, ...entry.aliases].map(normalizeTerm);

const byName = new Map<string, GlossaryEntry>();
for (const entry of GLOSSARY) for (const name of namesOf(entry)) byName.set(name, entry);

export const allGlossaryEntries = (): readonly GlossaryEntry[] => GLOSSARY;

/** The entry whose term or alias is what was typed, ignoring case, spaces and punctuation. */
export const findGlossaryEntry = (input: string): GlossaryEntry | undefined =>
  byName.get(normalizeTerm(input));

/** The entry someone typed or picked, or a ValidationError (a UserError) naming the closest terms. */
export function resolveGlossaryTerm(input: string): GlossaryEntry {
  const entry = findGlossaryEntry(input) ?? onlyEntryStartingWith(input);
  if (entry) return entry;
  const shown = input.length > 50 ? `${input.slice(0, 49)}…` : input;
  const suggestions = suggestGlossaryEntries(input, 3)
    .map((candidate) => candidate.term)
    .join(", ");
  throw new ValidationError(
    "term",
    `I don't have "${shown}" in the glossary. Did you mean ${suggestions}? Pick a term from the list as you type, or use /glossary alone for the index.`,
  );
}

/** The one entry with a term or alias starting with what was typed ("weed"), if only one has. */
function onlyEntryStartingWith(input: string): GlossaryEntry | undefined {
  const query = normalizeTerm(input);
  if (query.length < 3) return undefined;
  const matches = GLOSSARY.filter((entry) => namesOf(entry).some((name) => name.startsWith(query)));
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * Entries ranked by how well they match what someone typed: exact and prefix matches of a term or
 * alias first, then substring matches, then by edit distance. With nothing typed, A to Z.
 */
export function suggestGlossaryEntries(input: string, limit = 3): GlossaryEntry[] {
  const query = normalizeTerm(input);
  if (!query) return alphabetical().slice(0, limit);
  const scored = GLOSSARY.map((entry) => {
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
}

const alphabetical = (): GlossaryEntry[] =>
  [...GLOSSARY].sort((a, b) => a.term.localeCompare(b.term, "en", { sensitivity: "base" }));

/** Every area with its terms, A to Z, in the order the index shows them. */
export function glossaryIndex(): { area: GlossaryAreaId; name: string; terms: string[] }[] {
  const sorted = alphabetical();
  return GLOSSARY_AREAS.map(({ id, name }) => ({
    area: id,
    name,
    terms: sorted.filter((entry) => entry.area === id).map((entry) => entry.term),
  }));
}

/** Lower case, every run of other characters one space, padded: whole words and phrases match. */
const asWords = (text: string): string =>
  ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()} `;

/**
 * The glossary entries whose term or an alias appears in `text` as whole words ("one-shot" in
 * "a one-shot session"), in glossary order, so a page of questions can point to them.
 */
export function glossaryTermsIn(text: string): GlossaryEntry[] {
  const words = asWords(text);
  return GLOSSARY.filter((entry) =>
    [entry.term, ...entry.aliases].some((name) => {
      const phrase = asWords(name);
      // One- or two-letter names (a bare "ya") would match too much loosely written text.
      return phrase.trim().length > 2 && words.includes(phrase);
    }),
  );
}
