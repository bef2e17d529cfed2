import type { StoredMessage } from "../../emulator/state.js";
import type { MentorProfile, ProfileInput } from "../../src/domain/mentors/index.js";
import type { InterviewRequest } from "../../src/domain/requests/index.js";
import type { TestBot } from "./harness.js";
import { customIdOf } from "./messages.js";

export const NOTE = "I'm finishing my MLIS and would love to hear how you got into instruction work.";

let counter = 0;

/** A new member of the default guild, so each test starts with nobody's limits used up. */
export function newMember(t: TestBot, name: string): string {
  counter++;
  return t.emulator.addMember(t.seed.guildId, {
    username: `${name.toLowerCase()}${counter}`,
    globalName: name,
  }).userId;
}

export async function listLibrarian(
  t: TestBot,
  userId: string,
  overrides: Partial<ProfileInput> = {},
): Promise<MentorProfile> {
  const { profile } = await t.bot.context.services.mentors.join({
    guildId: t.seed.guildId,
    userId,
    displayName: "Casey",
    libraryTypes: ["academic"],
    role: "Instruction librarian",
    institution: "State University",
    region: "Midwest",
    timeZone: "America/Chicago",
    formats: ["video", "text"],
    topics: ["instruction"],
    bio: "I teach first-year students to search and love talking about it.",
    monthlyCapacity: 10,
    ...overrides,
  });
  return profile;
}

export const actor = (t: TestBot, userId: string) => t.emulator.as(userId, { guildId: t.seed.guildId });

export interface AskFields {
  note?: string;
  format?: string;
  availability?: string;
  assignmentDue?: string;
  /** "20", "30" or "45": the length menu; left out, nothing is picked. */
  minutes?: string;
  type?: string;
}

/** /findmentor, then "Ask <name>": the handle of the click (a modal, or a refusal). */
export async function clickAsk(t: TestBot, seekerId: string, mentorName: string, type = "academic") {
  const results = await actor(t, seekerId).command("findmentor", { "library-type": type }).reply();
  return actor(t, seekerId).click(results, customIdOf(results, `Ask ${mentorName}`));
}

/** The whole ask: search, click, fill the form. Resolves with the seeker's answer to the form. */
export async function ask(t: TestBot, seekerId: string, mentorName: string, fields: AskFields = {}) {
  const modal = await (await clickAsk(t, seekerId, mentorName, fields.type)).modal();
  const handle = actor(t, seekerId).submitModal(modal.custom_id, {
    note: fields.note ?? NOTE,
    format: fields.format ?? "video",
    availability: fields.availability ?? "",
    assignmentDue: fields.assignmentDue ?? "",
    ...(fields.minutes ? { minutes: fields.minutes } : {}),
  });
  return { modal, handle, reply: await handle.reply() };
}

export function openRequest(t: TestBot, seekerId: string, mentorId: string): InterviewRequest {
  const request = t.bot.context.services.requests.queries
    .listFor(t.seed.guildId, seekerId)
    .asSeeker.find((each) => each.mentorId === mentorId);
  if (!request) throw new Error(`no open request from ${seekerId} to ${mentorId}`);
  return request;
}

/** Asks and waits until the librarian's card arrived by DM. */
export async function askAndDeliver(
  t: TestBot,
  seekerId: string,
  mentorId: string,
  mentorName: string,
  fields: AskFields = {},
) {
  const { reply } = await ask(t, seekerId, mentorName, fields);
  const request = openRequest(t, seekerId, mentorId);
  const card = await waitForDm(t, mentorId, (m) => isCardOf(m, request));
  return { confirmation: reply, request, card };
}

export const isCardOf = (message: StoredMessage, request: InterviewRequest): boolean =>
  message.embeds[0]?.footer?.text === `Request ${request.id}`;

export const textOf = (message: StoredMessage): string => JSON.stringify([message.content, message.embeds]);

export async function waitForDm(
  t: TestBot,
  userId: string,
  predicate: (message: StoredMessage) => boolean,
  timeoutMs?: number,
): Promise<StoredMessage> {
  let found: StoredMessage | undefined;
  await t.emulator.waitUntil(
    () => {
      found = t.emulator.dmMessages(userId).find(predicate);
      return found !== undefined;
    },
    timeoutMs,
    `a DM to ${userId}`,
  );
  return found as StoredMessage;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
