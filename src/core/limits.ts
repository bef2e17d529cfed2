/** Discord's documented message limits, in characters. */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  embedsPerMessage: 10,
  choiceName: 100,
  choiceValue: 100,
  choices: 25,
  selectOptionLabel: 100,
  selectOptionDescription: 100,
  buttonLabel: 80,
  modalTitle: 45,
  textInputLabel: 45,
} as const;

/** Cuts `text` to at most `max` characters, ending with an ellipsis when anything was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Splits text into chunks of at most `max` characters, preferring line breaks, then spaces. */
export function splitText(text: string, max: number = LIMITS.content): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = max;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  if (rest) chunks.push(rest);
  return chunks;
}
