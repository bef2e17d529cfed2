import { escapeMarkdown } from "discord.js";

/**
 * Invisible characters that hide or reorder what a reader sees: zero-width spaces, word joiners,
 * soft hyphens, byte-order marks and the bidirectional marks, embeddings, overrides and isolates.
 * Zero-width joiners and non-joiners stay: emoji sequences and several scripts need them.
 */
const INVISIBLE = /[\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Line starts escapeMarkdown leaves alone: block quotes, subtext and headings after tabs or deep indents. */
const LINE_START_MARKUP = /^([^\S\n]*)(>|-#|#)/gm;

/**
 * An unescaped `[` (after an even run of backslashes). escapeMarkdown's maskedLink escapes only the
 * first masked link of a line, so the rest are caught here.
 */
const OPEN_BRACKET = /(?<!\\)((?:\\\\)*)\[/g;

/** `<@…>`, `<#…>`, `</…>`, `<:…>`, `<t:…>`, `<id:…>` and the like; `<https://…>` stays a plain link. */
const MENTION_LIKE = /<(?!https?:\/\/)(?=[@#/:]|[a-z]+:)/gi;

/**
 * Text someone typed, made safe to show inside our messages: shown exactly as typed, with no
 * markdown at all (no headings, lists, quotes, subtext, masked links, code, spoilers...), invisible
 * characters that could disguise it removed, and mention syntax broken with a zero-width space so
 * it neither pings (allowed_mentions already prevents that) nor renders as someone's name. Bare
 * links still show as links.
 */
export const safeText = (text: string): string =>
  escapeMarkdown(text.replace(INVISIBLE, ""), {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  })
    .replace(LINE_START_MARKUP, "$1\\$2")
    .replace(OPEN_BRACKET, "$1\\[")
    .replace(MENTION_LIKE, "<\u200b")
    .replace(/@(everyone|here)/g, "@\u200b$1");
