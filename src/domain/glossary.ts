import { GLOSSARY, GLOSSARY_AREAS, type GlossaryAreaId, type GlossaryEntry } from "../data/glossary.js";
import { ValidationError } from "./errors.js";
import { nameMatcher, normalizeName } from "./named-list.js";

export type { GlossaryEntry };

/** Lower case with spaces and punctuation removed: "one shot", "One-Shot" and "oneshot" match. */
export const normalizeTerm = normalizeName;

const terms = nameMatcher(GLOSSARY, (entry) => [entry.term, ...entry.aliases]);

export const allGlossaryEntries = (): readonly GlossaryEntry[] => GLOSSARY;

/** The entry whose term or alias is what was typed, ignoring case, spaces and punctuation. */
export const findGlossaryEntry = (input: string): GlossaryEntry | undefined => terms.exact(input);

/** The entry someone typed or picked ("weed" is enough), or a ValidationError naming the closest terms. */
export function resolveGlossaryTerm(input: string): GlossaryEntry {
  const entry = terms.find(input);
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

/** Entries ranked by how well they match what someone typed; with nothing typed, A to Z. */
export const suggestGlossaryEntries = (input: string, limit = 3): GlossaryEntry[] =>
  normalizeName(input) ? terms.suggest(input, limit) : alphabetical().slice(0, limit);

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
