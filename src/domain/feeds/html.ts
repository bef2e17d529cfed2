import { compile } from "html-to-text";

const convert = compile({
  wordwrap: false,
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
});

// A summary needs a few hundred characters of text; this keeps a huge article from costing much.
const MAX_HTML_INPUT = 20_000;

/** Plain text of an HTML fragment, on one line with runs of whitespace collapsed. */
export function htmlToPlainText(html: string): string {
  return convert(html.slice(0, MAX_HTML_INPUT)).replace(/\s+/g, " ").trim();
}

/** Cuts text to at most `max` characters at a word boundary, ending with "…" when cut. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  const atWord = lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut;
  return `${atWord.replace(/[\s,;:.–—-]+$/, "")}…`;
}

const imgSrc = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s>]+))/i;

export function firstImageSrc(html: string): string | undefined {
  const match = imgSrc.exec(html);
  return match?.[1] ?? match?.[2] ?? match?.[3];
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (char) => escapes[char] ?? char);
