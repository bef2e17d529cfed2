import fc from "fast-check";
import { expect } from "vitest";
import type { InteractionHandle } from "../../emulator/index.js";
import type { TestBot } from "./harness.js";

/** Pieces a hostile or careless user might type: mentions, markdown, invisible and reordering characters. */
const PIECES = [
  "<@123>",
  "<@!123>",
  "<@&1>",
  "@everyone",
  "@here",
  "<#1>",
  "</help:1>",
  "<t:0:R>",
  "# Heading",
  "## ",
  "-# subtext",
  "> quote",
  ">>> ",
  "[masked](https://evil.example/)",
  "[x](<https://evil.example/>)",
  "- item",
  "* item",
  "1. item",
  "```js\nalert(1)\n```",
  "```",
  "`",
  "||spoiler||",
  "**",
  "__",
  "~~",
  "_",
  "\\",
  "https://evil.example/",
  "\u200b",
  "\u200e",
  "\u200f",
  "\u202e",
  "\u2066",
  "\ufeff",
  "\u00ad",
  "\ud800",
  "\udfff",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "$" + "{x}",
  "%s",
  "<script>",
  "&amp;",
  "\n",
  "\r\n",
  "\t",
  " ",
  ",",
  "/",
  "😀",
  "👩‍👩‍👧",
  "e\u0301",
  "مرحبا",
  "x".repeat(4000),
] as const;

/** Arbitrary text, mostly built from {@link PIECES}, also whole random strings (lone surrogates included). */
export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((p) => p.join("")) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 12 })), {
          maxLength: 6,
        })
        .map((p) => p.join("")),
    },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "\n\n", "\t \u200b", "__proto__", "constructor") },
    { weight: 1, arbitrary: fc.constantFrom(...PIECES).map((piece) => piece.repeat(4000)) },
  );

/**
 * `text` cut to what the Discord client lets someone type in a field: at most `max` characters, and
 * for a required field something (padded with mentions when shorter than `min`).
 */
export function fitField(text: string, { max, min = 0 }: { max: number; min?: number }): string {
  let value = text;
  while (value.length < min) value += " @everyone <@&1>";
  return value.slice(0, max);
}

/**
 * Runs the property with a seed printed up front, so a failure can be replayed with HOSTILE_SEED;
 * HOSTILE_RUNS asks for more runs when hunting.
 */
export async function checkProperty<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  numRuns = 30,
): Promise<void> {
  const seed = Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31);
  console.info(`[hostile] ${name}: seed ${seed} (replay with HOSTILE_SEED=${seed})`);
  await fc.assert(fc.asyncProperty(arbitrary, predicate), {
    numRuns: Number(process.env.HOSTILE_RUNS ?? numRuns),
    seed,
    endOnFailure: true,
  });
}

const MESSAGE_ROUTE = /^\/(channels\/\d+\/messages(\/\d+)?|webhooks\/\d+\/[^/]+(\/messages\/.+)?)$/;
const CALLBACK_ROUTE = /^\/interactions\/\d+\/[^/]+\/callback$/;

/** The message bodies among requests: what the bot posted, edited or answered with (not modals). */
function messageBodies(requests: TestBot["emulator"]["requests"]): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = [];
  for (const request of requests) {
    if (request.method !== "POST" && request.method !== "PATCH") continue;
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (CALLBACK_ROUTE.test(request.path)) {
      const data = body.data as Record<string, unknown> | undefined;
      if (data && [4, 7].includes(Number(body.type))) bodies.push(data);
    } else if (MESSAGE_ROUTE.test(request.path)) bodies.push(body);
  }
  return bodies;
}

/** Typed pieces that must never reach a message unbroken: mentions, masked links, line-start markup. */
const SHOWN_RAW: [string, RegExp][] = [
  ["a mention", /<@!?123>|<@&1>|@everyone|@here/],
  ["a masked link", /(?<!\\)\[(masked|x)\]\(/],
  ["a heading, subtext or quote", /^[^\S\n]*(# Heading|-# subtext|> quote)/m],
];

/** Every piece of text a message body shows: content, and each embed's title, description, fields... */
function shownTexts(body: Record<string, unknown>): string[] {
  const texts = [String(body.content ?? "")];
  for (const embed of (body.embeds ?? []) as Record<string, unknown>[]) {
    const parts = embed as {
      title?: string;
      description?: string;
      fields?: { name: string; value: string }[];
    };
    const footer = embed.footer as { text?: string } | undefined;
    const author = embed.author as { name?: string } | undefined;
    texts.push(parts.title ?? "", parts.description ?? "", footer?.text ?? "", author?.name ?? "");
    for (const field of parts.fields ?? []) texts.push(field.name, field.value);
  }
  return texts;
}

/**
 * Wraps one generated case: everything the bot sent meanwhile pinged nobody but `mayPing`, showed
 * typed mentions broken, was accepted by the emulator, and no error was logged.
 */
export async function expectSafeCase(
  t: TestBot,
  mayPing: readonly string[],
  run: () => Promise<void>,
): Promise<void> {
  const requestsBefore = t.emulator.requests.length;
  const errorsBefore = t.emulator.internalErrors.length;
  const logsBefore = t.logs.length;
  await run();
  await t.emulator.waitUntil(
    () => t.emulator.requests.slice(requestsBefore).every((request) => request.status !== 0),
    5000,
    "the bot's requests to be answered",
  );
  const requests = t.emulator.requests.slice(requestsBefore);
  const rejected = requests.filter((request) => request.status >= 400);
  expect(rejected.map((r) => ({ path: r.path, status: r.status, response: r.response }))).toEqual([]);
  expect(t.emulator.internalErrors.slice(errorsBefore)).toEqual([]);
  expect(t.logs.slice(logsBefore).filter((line) => Number(line.level) >= 50)).toEqual([]);
  for (const body of messageBodies(requests)) {
    const allowed = body.allowed_mentions as { parse?: string[]; users?: string[]; roles?: string[] };
    expect(allowed, JSON.stringify(body).slice(0, 300)).toBeDefined();
    expect(allowed.parse ?? []).toEqual([]);
    for (const user of allowed.users ?? []) expect(mayPing).toContain(user);
    expect(allowed.roles ?? []).toEqual([]);
    for (const text of shownTexts(body))
      for (const [what, pattern] of SHOWN_RAW) expect(text, `${what} shown as typed`).not.toMatch(pattern);
  }
}

/** The user was answered with something other than the generic "something went wrong". */
export async function expectAnswered(handle: InteractionHandle): Promise<string> {
  const response = await handle.response();
  if (response.type === 9) return "(a modal)";
  const reply = await handle.reply();
  expect(reply.content).not.toMatch(/something went wrong/);
  return reply.content;
}

interface ModalShown {
  components: unknown[];
}

/** Text for each field of a modal, cut to what the field accepts; `values` missing a field leave it out. */
export function fillModal(modal: ModalShown, values: Record<string, string>): Record<string, string> {
  const filled: Record<string, string> = {};
  for (const label of modal.components as { component?: Record<string, unknown> }[]) {
    const input = label.component;
    const id = String(input?.custom_id);
    if (input?.type !== 4 || values[id] === undefined) continue;
    const minLength = Number(input.min_length ?? 0);
    const min = input.required !== false ? Math.max(1, minLength) : values[id] === "" ? 0 : minLength;
    filled[id] = fitField(values[id], { min, max: Number(input.max_length ?? 4000) });
  }
  return filled;
}
