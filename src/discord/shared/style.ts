/** The colour of the bot's embeds: a library-green. */
export const BRAND_COLOR = 0x2e7d5b;
