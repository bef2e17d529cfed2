import { escapeMarkdown } from "discord.js";

/**
 * Text someone typed, made safe to show inside our messages: markdown shown as typed, and mention
 * syntax broken with a zero-width space so it neither pings (allowed_mentions already prevents
 * that) nor renders as someone's name.
 */
export const safeText = (text: string): string =>
  escapeMarkdown(text)
    .replace(/<(@|#|\/|:|a:|t:)/g, "<\u200b$1")
    .replace(/@(everyone|here)/g, "@\u200b$1");
