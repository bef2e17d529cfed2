import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredMessage } from "../../emulator/state.js";
import { deleteUserData } from "../../src/discord/privacy/data.js";
import { agendaGroups } from "../../src/domain/agenda/index.js";
import { MENTOR_COLLECTION, type MentorProfile } from "../../src/domain/mentors/index.js";
import { guildKey } from "../../src/store/store.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import {
  actor,
  askAndDeliver,
  listLibrarian,
  newMember,
  openRequest,
  sleep,
  waitForDm,
} from "../support/requests.js";

let t: TestBot;
let librarian: string;
const services = () => t.bot.context.services;
const guildId = () => t.seed.guildId;
const [days, , , , closing] = agendaGroups("academic");

beforeAll(async () => {
  t = await startTestBot({ env: { REQUEST_EXPIRY: "1h", FIRST_CONTACT_NUDGE: "1h" } });
  librarian = t.seed.members.librarian;
  await listLibrarian(t, librarian);
  // Editing these belongs to /mentor edit; here the profile is changed in the store and reloaded.
  await t.bot.context.store.update<MentorProfile>(guildKey(guildId(), MENTOR_COLLECTION, librarian), (p) =>
    p ? { ...p, avoidTopics: ["salary", "my old job"] } : undefined,
  );
  await services().mentors.load();
});
afterAll(async () => {
  await t?.stop();
});

/** A new seeker asks Casey, Casey accepts; resolves when the seeker's "Build an agenda" button is out. */
async function acceptedRequest(name: string) {
  const seeker = newMember(t, name);
  const { card } = await askAndDeliver(t, seeker, librarian, "Casey");
  await t.emulator.as(librarian).click(card, customIdOf(card, "Accept")).reply();
  const request = openRequest(t, seeker, librarian);
  return { seeker, request };
}

const withAgendaButton = (m: StoredMessage) => labelsOf(m).includes("Build an agenda");

describe("in the thread", () => {
  beforeAll(async () => {
    await services().settings.update(guildId(), { mentoringChannelId: t.seed.channels.mentoring });
  });

  it("the seeker builds an agenda by topic, sees the estimate, and posts it into the thread once", async () => {
    const { seeker, request } = await acceptedRequest("Sam");
    await t.emulator.waitUntil(() => openRequest(t, seeker, librarian).threadId !== undefined);
    const threadId = openRequest(t, seeker, librarian).threadId ?? "";
    const kit = await t.emulator.waitForMessage((m) => m.channel_id === threadId && withAgendaButton(m));
    expect(kit.content).toContain(
      "**Build an agenda** picks up to 10 questions from the checklist, by topic, and posts them here.",
    );

    const opened = actor(t, seeker).click(kit, customIdOf(kit, "Build an agenda"));
    let builder = await opened.reply();
    expect(opened.ephemeral).toBe(true);
    expect(builder.content).toContain("**Your agenda for the interview with Casey**");
    expect(builder.content).toContain("They'd rather not discuss: salary, my old job.");
    expect(builder.embeds[0]?.title).toBe("Picked: 0 of 10");
    expect(builder.embeds[0]?.description).toBe(
      "Nothing picked yet. At about 3 minutes a question, about 10 fit a 30-minute interview.",
    );
    expect(labelsOf(builder)).toEqual([
      "The work, day to day",
      "The library and its people",
      "Hiring and career path",
      "Skills, education and growth",
      "Previous topics",
      "More topics",
      "Post agenda",
      "Clear picks",
    ]);

    builder = await actor(t, seeker)
      .select(builder, customIdOf(builder, "The work, day to day"), ["0", "3"])
      .reply();
    expect(builder.embeds[0]?.title).toBe("Picked: 2 of 10");
    expect(builder.embeds[0]?.description).toBe(
      `1. ${days?.questions[0]}\n2. ${days?.questions[3]}\n\nAbout 6 minutes of questions for a 30-minute interview.`,
    );
    builder = await actor(t, seeker).click(builder, customIdOf(builder, "More topics")).reply();
    expect(labelsOf(builder)).toEqual([
      "To close",
      "Previous topics",
      "More topics",
      "Post agenda",
      "Clear picks",
    ]);
    builder = await actor(t, seeker).select(builder, customIdOf(builder, "To close"), ["0"]).reply();
    expect(builder.embeds[0]?.description).toContain(
      "About 9 minutes of questions for a 30-minute interview.",
    );

    const posted = await actor(t, seeker).click(builder, customIdOf(builder, "Post agenda")).reply();
    expect(posted.content).toContain(`Posted your agenda in <#${threadId}>.`);
    const agendas = () => t.emulator.channelMessages(threadId).filter((m) => m.content.startsWith("📋"));
    expect(agendas()).toHaveLength(1);
    const [agenda] = agendas();
    expect(agenda?.content).toBe(
      [
        "📋 **Agenda from Sam** for the interview with Casey",
        `1. ${days?.questions[0]}`,
        `2. ${days?.questions[3]}`,
        `3. ${closing?.questions[0]}`,
        "",
        "About 9 minutes of questions for a 30-minute interview. A guide for the conversation, not a script.",
      ].join("\n"),
    );
    expect(services().requests.records.get(guildId(), request.id)?.meeting?.agendaPostedAt).toBeDefined();

    const again = await actor(t, seeker).click(posted, customIdOf(posted, "Post agenda")).reply();
    expect(again.content).toContain(`This agenda is already posted in <#${threadId}>`);
    await sleep(200);
    expect(agendas()).toHaveLength(1);

    // Changed picks go out as an updated agenda.
    const fewer = await actor(t, seeker).select(again, customIdOf(again, "To close"), []).reply();
    const update = await actor(t, seeker).click(fewer, customIdOf(fewer, "Post agenda")).reply();
    expect(update.content).toContain("Posted your updated agenda");
    expect(agendas()).toHaveLength(2);
    expect(agendas()[1]?.content).toMatch(/^📋 \*\*Updated agenda from Sam\*\*/);
    expect(agendas()[1]?.content).toContain("About 6 minutes");
  });

  it("refuses the librarian's and another member's clicks, and changes nothing", async () => {
    const { seeker, request } = await acceptedRequest("Robin");
    const threadId = await t.emulator
      .waitUntil(() => openRequest(t, seeker, librarian).threadId !== undefined)
      .then(() => openRequest(t, seeker, librarian).threadId ?? "");
    const kit = await t.emulator.waitForMessage((m) => m.channel_id === threadId && withAgendaButton(m));

    const byLibrarian = actor(t, librarian).click(kit, customIdOf(kit, "Build an agenda"));
    expect((await byLibrarian.reply()).content).toMatch(
      /^Thanks for looking! The agenda is for the person who asked/,
    );
    expect(byLibrarian.ephemeral).toBe(true);
    const stranger = newMember(t, "Lee");
    const byStranger = actor(t, stranger).click(kit, customIdOf(kit, "Build an agenda"));
    expect((await byStranger.reply()).content).toBe(
      "Only the person who asked for this interview can build its agenda.",
    );

    // The seeker's own builder, pressed by someone else (its custom IDs name the request, not who may act).
    const builder = await actor(t, seeker).click(kit, customIdOf(kit, "Build an agenda")).reply();
    const picked = await actor(t, seeker)
      .select(builder, customIdOf(builder, "The work, day to day"), ["1"])
      .reply();
    const select = actor(t, librarian).select(picked, customIdOf(picked, "The work, day to day"), ["0", "2"]);
    expect((await select.reply()).content).toMatch(/^Thanks for looking!/);
    const post = actor(t, stranger).click(picked, customIdOf(picked, "Post agenda"));
    expect((await post.reply()).content).toBe(
      "Only the person who asked for this interview can build its agenda.",
    );
    const clear = actor(t, librarian).click(picked, customIdOf(picked, "Clear picks"));
    expect((await clear.reply()).content).toMatch(/^Thanks for looking!/);

    const draft = await services().agenda.open(guildId(), request.id, seeker);
    expect(draft.draft.picks).toEqual([days?.questions[1]]);
    await sleep(200);
    expect(t.emulator.channelMessages(threadId).some((m) => m.content.startsWith("📋"))).toBe(false);
    expect(services().requests.records.get(guildId(), request.id)?.meeting?.agendaPostedAt).toBeUndefined();
  });
});

describe("a double click on Post", () => {
  it("posts one agenda", async () => {
    const { seeker } = await acceptedRequest("Noor");
    await t.emulator.waitUntil(() => openRequest(t, seeker, librarian).threadId !== undefined);
    const threadId = openRequest(t, seeker, librarian).threadId ?? "";
    const kit = await t.emulator.waitForMessage((m) => m.channel_id === threadId && withAgendaButton(m));
    const builder = await actor(t, seeker).click(kit, customIdOf(kit, "Build an agenda")).reply();
    const picked = await actor(t, seeker)
      .select(builder, customIdOf(builder, "Skills, education and growth"), ["0"])
      .reply();
    const post = customIdOf(picked, "Post agenda");
    const answers = await Promise.all([
      actor(t, seeker).click(picked, post).reply(),
      actor(t, seeker).click(picked, post).reply(),
    ]);
    for (const answer of answers) expect(answer.content).toMatch(/Posted your agenda|already posted/);
    await sleep(200);
    expect(t.emulator.channelMessages(threadId).filter((m) => m.content.startsWith("📋"))).toHaveLength(1);
  });
});

describe("without a mentoring channel", () => {
  beforeAll(async () => {
    await services().settings.update(guildId(), { mentoringChannelId: null });
  });

  it("offers Build an agenda in the seeker's DM kit and posts the agenda to both by DM", async () => {
    const { seeker } = await acceptedRequest("Kai");
    const kit = await waitForDm(t, seeker, withAgendaButton);
    expect(kit.content).toContain("and posts them to you both.");
    expect(t.emulator.dmMessages(librarian).some(withAgendaButton)).toBe(false);

    const builder = await actor(t, seeker).click(kit, customIdOf(kit, "Build an agenda")).reply();
    const picked = await actor(t, seeker)
      .select(builder, customIdOf(builder, "Hiring and career path"), ["2"])
      .reply();
    const posted = await actor(t, seeker).click(picked, customIdOf(picked, "Post agenda")).reply();
    expect(posted.content).toContain("Posted your agenda to you both by DM.");
    const isAgenda = (m: StoredMessage) => m.content.startsWith("📋 **Agenda from Kai**");
    await waitForDm(t, librarian, isAgenda);
    await waitForDm(t, seeker, isAgenda);
    expect(t.emulator.dmMessages(librarian).filter(isAgenda)).toHaveLength(1);
  });
});

it("is in /help, whole", async () => {
  const reply = await actor(t, newMember(t, "Ari")).command("help").reply();
  const text = (reply.embeds[0]?.fields ?? []).map((field) => field.value).join("\n");
  expect(text).toContain(
    "`Build an agenda`: in your thread after Accept: pick up to 10 questions, then post them",
  );
  expect(text).toContain("`/help`: this list");
});

it("logged no unexpected errors", () => {
  expect(t.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
});

describe("deleting the seeker's data", () => {
  it("removes their picks in progress with their requests", async () => {
    const { seeker, request } = await acceptedRequest("Remy");
    const kit = await t.emulator.waitForMessage(
      (m) => withAgendaButton(m) && JSON.stringify(m.components ?? []).includes(request.id),
    );
    const builder = await actor(t, seeker).click(kit, customIdOf(kit, "Build an agenda")).reply();
    await actor(t, seeker).select(builder, customIdOf(builder, "The work, day to day"), ["0"]).reply();
    const draftKey = guildKey(guildId(), "agenda-draft", request.id);
    expect(await t.bot.context.store.get(draftKey)).toMatchObject({ picks: [days?.questions[0]] });

    await deleteUserData(t.bot.client, t.bot.context, guildId(), seeker);
    expect(await t.bot.context.store.get(draftKey)).toBeUndefined();
  });
});
