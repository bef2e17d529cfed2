/**
 * British spellings of library words folded to American ones, so a keyword finds both. Profile words
 * and keyword words go through the same fold; each rule keeps a typed prefix ("catalogu", "organis")
 * a prefix of the folded whole word.
 */
const BRITISH_TO_AMERICAN: readonly [RegExp, string][] = [
  [/catalogue(s?)$/, "catalog$1"],
  [/catalogu/, "catalog"],
  [/programme(s?)$/, "program$1"],
  [/organis/, "organiz"],
  [/digitis/, "digitiz"],
  [/licenc/, "licens"],
];

const ANY_BRITISH = /catalogu|programme|organis|digitis|licenc/;

/** One lower-case word in its American spelling. */
export function foldSpelling(word: string): string {
  if (!ANY_BRITISH.test(word)) return word;
  let folded = word;
  for (const [british, american] of BRITISH_TO_AMERICAN) folded = folded.replace(british, american);
  return folded;
}
