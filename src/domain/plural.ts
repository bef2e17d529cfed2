/** A count with its noun: "1 article", "3 articles"; nouns not made plural with an "s" pass their own. */
export const plural = (count: number, noun: string, nouns = `${noun}s`): string =>
  `${count} ${count === 1 ? noun : nouns}`;
