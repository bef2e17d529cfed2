import { ValidationError } from "../errors.js";

// Control characters other than tab and line feed, which the cleaners below handle on their own.
const CONTROL = /[^\P{Cc}\t\n]/gu;

/** One line of text: controls dropped, every run of whitespace (newlines included) made one space. */
export const cleanLine = (value: string): string =>
  isCleanAsciiLine(value)
    ? value
    : value
        .replace(/\r\n?|[\u2028\u2029]/g, "\n")
        .replace(CONTROL, "")
        .replace(/\s+/g, " ")
        .trim();

/** Printable ASCII with single spaces between words, as most of what is typed is: already clean. */
function isCleanAsciiLine(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x20) {
      if (i === 0 || i === value.length - 1 || value.charCodeAt(i - 1) === 0x20) return false;
    } else if (code < 0x21 || code > 0x7e) return false;
  }
  return true;
}

/** Several lines of text: controls dropped, trailing spaces cut, at most one blank line in a row. */
export function cleanText(value: string): string {
  return value
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(CONTROL, "")
    .replace(/\t/g, " ")
    .replace(/[ \u00A0]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Length as people count it: code points, so an emoji is one character rather than two. */
export const characterCount = (value: string): number => {
  let count = 0;
  for (const _ of value) count++;
  return count;
};

export interface TextRule {
  field: string;
  label: string;
  max: number;
  multiline?: boolean;
}

export function requiredText(raw: unknown, rule: TextRule): string {
  const value = optionalText(raw, rule);
  if (value === undefined) throw new ValidationError(rule.field, `${rule.label} is required.`);
  return value;
}

/** Cleaned text, or `undefined` when nothing (or only whitespace) was given. */
export function optionalText(raw: unknown, rule: TextRule): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "string") throw new ValidationError(rule.field, `${rule.label} must be text.`);
  const value = rule.multiline ? cleanText(raw) : cleanLine(raw);
  if (value === "") return undefined;
  const length = characterCount(value);
  if (length > rule.max) {
    throw new ValidationError(rule.field, `${rule.label} is ${length} characters; the limit is ${rule.max}.`);
  }
  return value;
}

/** A list given as an array of strings or as one comma-separated string; blank items dropped. */
export function textList(raw: unknown, field: string, label: string): string[] {
  if (raw === undefined || raw === null) return [];
  const items = typeof raw === "string" ? raw.split(",") : raw;
  if (!Array.isArray(items) || items.some((item) => typeof item !== "string")) {
    throw new ValidationError(field, `${label} must be a list of text or a comma-separated line.`);
  }
  return items.map((item: string) => cleanLine(item)).filter((item) => item !== "");
}

export function integerInRange(raw: unknown, field: string, label: string, min: number, max: number): number {
  const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new ValidationError(field, `${label} must be a whole number from ${min} to ${max}.`);
  }
  if (value < min || value > max) {
    throw new ValidationError(field, `${label} is ${value}; it must be from ${min} to ${max}.`);
  }
  return value;
}
