import { ComponentType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredMessage } from "../../emulator/index.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";

let t: TestBot;
let offsetMs = 0;
beforeAll(async () => {
  t = await startTestBot({ clock: () => Date.now() + offsetMs });
});
afterAll(async () => {
  await t?.stop();
});

const DAY = 86_400_000;
const as = (member: string) => t.emulator.as(member, { guildId: t.seed.guildId });
const librarian = () => as(t.seed.members.librarian);
const seeker = () => as(t.seed.members.seeker);

const ABOUT = {
  role: "Research and instruction librarian",
  institution: "a mid-size state university",
  region: "Midwest, US",
  timeZone: "America/Chicago",
  topics: "Instruction, liaison work, instruction",
};
const STORY = {
  bio: "I moved from teaching into libraries. <@123> @everyone **loud** — ask me about one-shot sessions.",
  careerMoves: "school → academic",
  monthlyCapacity: "3",
};

/** Walks the whole /mentor join form as a user would: menus, two modals, the preview, Confirm. */
async function joinAs(member: string, about = ABOUT): Promise<StoredMessage> {
  const actor = as(member);
  let message = await actor.command("mentor", { subcommand: "join" }).reply();
  message = await actor.select(message, "mentor-types", ["academic", "community-college"]).reply();
  message = await actor.select(message, "mentor-formats", ["video", "text"]).reply();
  const nextId = customIdOf(message, "Next: about your work");
  const modal = await actor.click(message, nextId).modal();
  expect(modal.title).toContain("About your work");
  message = await actor.submitModal("mentor-about", about, message).reply();
  const story = await actor.click(message, customIdOf(message, "Next: your story")).modal();
  // Fields sit in Label components: action rows in modals are deprecated, and stricter clients refuse them.
  for (const form of [modal, story])
    expect(form.components.map((c) => c.type)).not.toContain(ComponentType.ActionRow);
  message = await actor.submitModal("mentor-story", STORY, message).reply();
  expect(message.content).toContain("agree to be listed in `/findmentor`");
  return actor.click(message, customIdOf(message, "Confirm and list me")).reply();
}

describe("/mentor join", () => {
  it("lists a librarian through the real menus, modals and buttons, with consent", async () => {
    const done = await joinAs(t.seed.members.librarian);
    expect(done.content).toMatch(/You're listed/);
    expect(done.content).toMatch(/agreed to be listed/);
    const profile = t.bot.context.services.mentors.get(t.seed.guildId, t.seed.members.librarian);
    expect(profile).toMatchObject({
      libraryTypes: ["academic", "community-college"],
      formats: ["video", "text"],
      role: ABOUT.role,
      timeZone: "America/Chicago",
      topics: ["instruction", "liaison work"],
      monthlyCapacity: 3,
    });
  });

  it("shows the seeker the librarian in /findmentor, safely rendered, with an Ask button", async () => {
    const handle = seeker().command("findmentor", { "library-type": "academic", keyword: "liaison" });
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    const card = reply.embeds[0];
    expect(card?.title).toBe(`${ABOUT.role}, ${ABOUT.institution}`);
    expect(card?.description).toContain("<\u200b@123>");
    expect(card?.description).toContain("@\u200beveryone");
    expect(card?.description).toContain("\\*\\*loud\\*\\*");
    expect(labelsOf(reply)[0]).toMatch(/^Ask /);
    const sent = t.emulator.requests.find((r) => r.path.includes(handle.id) && r.method === "POST");
    expect(JSON.stringify(sent?.body)).toContain('"allowed_mentions":{"parse":[]}');
    expect(JSON.stringify(reply)).not.toMatch(/@example|phone number/);
  });

  it("refuses a bad field with a message that names it, and keeps what was typed", async () => {
    const actor = as(t.seed.members.moderator);
    let message = await actor.command("mentor", { subcommand: "join" }).reply();
    message = await actor.select(message, "mentor-types", ["law"]).reply();
    message = await actor.select(message, "mentor-formats", ["phone"]).reply();
    const next = customIdOf(message, "Next: about your work");
    await actor.click(message, next).modal();
    const refused = actor.submitModal("mentor-about", { ...ABOUT, timeZone: "Mars/Olympus" }, message);
    const error = await refused.reply();
    expect(refused.ephemeral).toBe(true);
    expect(error.content).toMatch(/time zone/i);
    const again = await actor.click(message, next).modal();
    expect(JSON.stringify(again)).toContain("Mars/Olympus");
    expect(JSON.stringify(again)).toContain(ABOUT.role);
  });

  it("tells someone already listed to use /mentor edit", async () => {
    const reply = await librarian().command("mentor", { subcommand: "join" }).reply();
    expect(reply.content).toMatch(/already listed.*\/mentor edit/);
  });
});

describe("pause, resume, edit, profile", () => {
  it("hides a paused librarian, lists them again by itself when the pause ends, and on resume", async () => {
    const paused = await librarian()
      .command("mentor", { subcommand: "pause", options: { days: 2 } })
      .reply();
    expect(paused.content).toMatch(/Paused/);
    const hidden = await seeker().command("findmentor", { "library-type": "academic" }).reply();
    expect(hidden.embeds).toHaveLength(0);
    expect(hidden.content).toMatch(/No librarians for \*\*Academic library\*\*/);
    expect(hidden.content).toContain("/questions academic");

    offsetMs = 3 * DAY;
    const back = await seeker().command("findmentor", { "library-type": "academic" }).reply();
    expect(back.embeds).toHaveLength(1);
    // The request form goes by the bot's clock too: the pause is over, so the request is sent.
    const asker = as(t.emulator.addMember(t.seed.guildId, { username: "asker", globalName: "Asker" }).userId);
    const found = await asker.command("findmentor", { "library-type": "academic" }).reply();
    const [askLabel = ""] = labelsOf(found).filter((label) => label.startsWith("Ask "));
    const form = await asker.click(found, customIdOf(found, askLabel)).modal();
    const sent = await asker
      .submitModal(form.custom_id, {
        note: "I would love to hear how you moved into instruction.",
        format: "video",
      })
      .reply();
    expect(sent.content).toMatch(/Your request is on its way/);
    offsetMs = 0;

    await librarian().command("mentor", { subcommand: "pause" }).reply();
    expect(
      (await seeker().command("findmentor", { "library-type": "academic" }).reply()).embeds,
    ).toHaveLength(0);
    const resumed = await librarian().command("mentor", { subcommand: "resume" }).reply();
    expect(resumed.content).toMatch(/listed in `\/findmentor` again/);
    expect(
      (await seeker().command("findmentor", { "library-type": "academic" }).reply()).embeds,
    ).toHaveLength(1);
  });

  it("edits through the same form, filled in", async () => {
    const actor = librarian();
    let message = await actor.command("mentor", { subcommand: "edit" }).reply();
    const modal = await actor.click(message, customIdOf(message, "Next: about your work")).modal();
    expect(JSON.stringify(modal)).toContain(ABOUT.region);
    message = await actor
      .submitModal("mentor-about", { ...ABOUT, role: "Head of instruction" }, message)
      .reply();
    await actor.click(message, customIdOf(message, "Next: your story")).modal();
    message = await actor.submitModal("mentor-story", STORY, message).reply();
    const saved = await actor.click(message, customIdOf(message, "Save changes")).reply();
    expect(saved.content).toMatch(/Saved/);
    expect(t.bot.context.services.mentors.get(t.seed.guildId, t.seed.members.librarian)?.role).toBe(
      "Head of instruction",
    );
  });

  it("shows a librarian's public profile, and says when someone isn't listed", async () => {
    const shown = await seeker()
      .command("mentor", { subcommand: "profile", options: { user: t.seed.members.librarian } })
      .reply();
    expect(shown.embeds[0]?.title).toBe(`Head of instruction, ${ABOUT.institution}`);
    const none = await seeker().command("mentor", { subcommand: "profile" }).reply();
    expect(none.content).toMatch(/not listed/);
  });
  it("refuses Save on a preview the form has changed since, and shows the current one", async () => {
    const actor = librarian();
    const previewWithRole = async (role: string) => {
      let message = await actor.command("mentor", { subcommand: "edit" }).reply();
      await actor.click(message, customIdOf(message, "Next: about your work")).modal();
      message = await actor.submitModal("mentor-about", { ...ABOUT, role }, message).reply();
      await actor.click(message, customIdOf(message, "Next: your story")).modal();
      return actor.submitModal("mentor-story", STORY, message).reply();
    };
    const older = await previewWithRole("Older role");
    const newer = await previewWithRole("Newer role");
    expect(JSON.stringify(older.embeds)).toContain("Older role");
    const newerSave = customIdOf(newer, "Save changes");
    const role = () => t.bot.context.services.mentors.get(t.seed.guildId, t.seed.members.librarian)?.role;
    const before = role();

    const refused = await actor.click(older, customIdOf(older, "Save changes")).reply();
    expect(refused.content).toMatch(/Nothing was saved: this form changed elsewhere/);
    expect(JSON.stringify(refused.embeds)).toContain("Newer role");
    expect(JSON.stringify(refused.embeds)).not.toContain("Older role");
    expect(role()).toBe(before);

    expect(customIdOf(refused, "Save changes")).toBe(newerSave);
    const saved = await actor.click(refused, newerSave).reply();
    expect(saved.content).toMatch(/^Saved/);
    expect(role()).toBe("Newer role");
  });
});

describe("leaving and removal", () => {
  it("refuses /mentor remove to a member without Manage Server", async () => {
    const handle = seeker().command("mentor", {
      subcommand: "remove",
      options: { user: t.seed.members.librarian },
    });
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    expect(reply.content).toMatch(/Only moderators with the Manage Server permission/);
    expect(t.bot.context.services.mentors.get(t.seed.guildId, t.seed.members.librarian)).toBeDefined();
  });

  it("lets a moderator remove a librarian, who is told by DM", async () => {
    const reply = await as(t.seed.members.moderator)
      .command("mentor", {
        subcommand: "remove",
        options: { user: t.seed.members.librarian, reason: "Asked us to" },
      })
      .reply();
    expect(reply.content).toMatch(/Removed .* They were told by DM/);
    const dm = t.emulator.dmMessages(t.seed.members.librarian).at(-1);
    expect(dm?.content).toMatch(/removed your volunteer librarian profile.*Reason: Asked us to/);
    expect(t.bot.context.services.mentors.get(t.seed.guildId, t.seed.members.librarian)).toBeUndefined();
  });

  it("deletes a librarian who leaves, after they confirm", async () => {
    await joinAs(t.seed.members.librarian);
    const actor = librarian();
    const ask = await actor.command("mentor", { subcommand: "leave" }).reply();
    const kept = await actor.click(ask, customIdOf(ask, "Keep me listed")).reply();
    expect(kept.content).toMatch(/still listed/);
    const ask2 = await actor.command("mentor", { subcommand: "leave" }).reply();
    const gone = await actor.click(ask2, customIdOf(ask2, "Yes, delete my profile")).reply();
    expect(gone.content).toMatch(/deleted/);
    expect(t.bot.context.services.mentors.get(t.seed.guildId, t.seed.members.librarian)).toBeUndefined();
    const stored = [];
    for await (const entry of t.bot.context.store.entries(`guild/${t.seed.guildId}/mentor/`))
      stored.push(entry);
    expect(stored).toHaveLength(0);
  });
});
