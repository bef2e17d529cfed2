import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TYPE_QUESTIONS } from "../../src/data/questions.js";
import type { LibraryTypeSlug } from "../../src/domain/library-types.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import {
  actor,
  ask,
  askAndDeliver,
  listLibrarian,
  NOTE,
  newMember,
  openRequest,
  waitForDm,
} from "../support/requests.js";

let t: TestBot;
let librarian: string;
const moderator = () => actor(t, t.seed.members.moderator);
const settings = () => t.bot.context.services.settings.get(t.seed.guildId);
const notices = () =>
  t.emulator
    .channelMessages(t.seed.channels.modLog)
    .filter((m) => m.content.startsWith("Interview requests need a mentoring channel"));

beforeAll(async () => {
  t = await startTestBot({
    env: {
      REQUEST_EXPIRY: "1h",
      FIRST_CONTACT_NUDGE: "2h",
      UNSCHEDULED_CLOSE: "10d",
      MEETING_REMINDERS: "1h,10m",
      ATTENDANCE_CHECK: "30m",
      FEED_POLL_INTERVAL: "20m",
    },
  });
  librarian = t.seed.members.librarian;
  await listLibrarian(t, librarian);
});
afterAll(async () => {
  await t?.stop();
});

/** Asks Casey as a new seeker, has Casey accept, and waits for the seeker's copy of the opening. */
async function acceptedWithoutThread(name: string) {
  const seeker = newMember(t, name);
  const { card } = await askAndDeliver(t, seeker, librarian, "Casey");
  await t.emulator.as(librarian).click(card, customIdOf(card, "Accept")).reply();
  // The time picker comes last.
  await waitForDm(t, seeker, (m) => labelsOf(m).includes("Propose a time"));
  return seeker;
}

/** A request to a new librarian whose DMs are closed, from a new seeker. */
async function askUnreachable(librarianName: string, seekerName: string, type: LibraryTypeSlug) {
  const librarian = newMember(t, librarianName);
  await listLibrarian(t, librarian, { displayName: librarianName, libraryTypes: [type] });
  t.emulator.setDmsOpen(librarian, false);
  const seeker = newMember(t, seekerName);
  const { handle } = await ask(t, seeker, librarianName, { type });
  return { librarian, seeker, handle };
}

describe("/config", () => {
  it("shows the defaults, warning about the missing channels", async () => {
    const handle = moderator().command("config");
    const shown = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    const fields = Object.fromEntries((shown.embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields["Mentoring channel"]).toMatch(/^⚠️ Not set/);
    expect(fields["Log channel"]).toMatch(/^⚠️ Not set/);
    expect(fields["Pending requests per seeker"]).toBe("3 (`max-pending`)");
    expect(fields["Days before asking the same librarian again"]).toBe("90 (`cooldown-days`)");
    expect(fields["Unanswered requests in a row before a pause"]).toBe("3 (`auto-pause-after`)");
    expect(fields["No-shows before a pause"]).toBe("2 (`no-shows-before-pause`)");
    expect(fields["Set by the bot's host"]).toBe(
      "Requests expire after 1 hour; reminders go 1 hour and 10 minutes before an agreed time, and both are " +
        "asked whether it happened 30 minutes after its start; with no time agreed, both are nudged 2 hours " +
        "after Accept and the interview closes after 10 days; the picker offers times up to 14 days ahead, and a " +
        "cancel within 3 hours of the start counts as late; no-shows count for 90 days, and a seeker with too " +
        "many can't send requests for 30 days; feeds are checked every 20 minutes.",
    );
  });

  it("without a mentoring channel, connects both by DM and tells moderators once, when there is a log channel", async () => {
    const seeker = await acceptedWithoutThread("Jordan");
    expect(t.emulator.threads(t.seed.channels.mentoring)).toHaveLength(0);
    const seekerDms = t.emulator
      .dmMessages(seeker)
      .map((m) => m.content)
      .join("\n");
    expect(seekerDms).toContain("accepted your informational interview request");
    expect(seekerDms).toContain(NOTE);
    expect(seekerDms).toContain("A few reminders");
    expect(seekerDms).toContain(TYPE_QUESTIONS.academic[0]?.questions[0] ?? "?");
    expect(seekerDms).toContain(
      `agree on a time with the picker below (it reaches you both by DM), or message each other directly: <@${seeker}> and <@${librarian}>`,
    );
    expect(seekerDms).toContain("Pick a time for your interview");
    await t.emulator.waitUntil(() =>
      t.emulator.dmMessages(librarian).some((m) => m.content.includes("A few reminders")),
    );
    const librarianDms = t.emulator.dmMessages(librarian);
    expect(librarianDms.some((m) => m.content.includes(NOTE))).toBe(true);
    expect(librarianDms.some((m) => labelsOf(m).includes("We met"))).toBe(false);
    // No log channel yet: nowhere to tell moderators, so the notice waits.
    expect(settings().toldNoMentoringChannel).toBe(false);

    await moderator().command("config", { "log-channel": t.seed.channels.modLog }).reply();
    await acceptedWithoutThread("Sam");
    await t.emulator.waitUntil(() => notices().length === 1);
    await acceptedWithoutThread("Riley");
    expect(notices()).toHaveLength(1);
    expect(settings().toldNoMentoringChannel).toBe(true);
  });

  it("tells the seeker when a request can't reach a librarian with closed DMs and no mentoring channel", async () => {
    const { librarian: emery, seeker, handle } = await askUnreachable("Emery", "Harper", "law");
    expect((await handle.waitForFollowUp()).content).toMatch(/^I couldn't reach \*\*Emery\*\* yet/);
    expect(openRequest(t, seeker, emery).state).toBe("pending");
    expect(openRequest(t, seeker, emery).delivery).toBeUndefined();
    const theirs = await actor(t, emery).command("requests").reply();
    expect(theirs.content).toMatch(/From \*\*Harper\*\*.*I couldn't deliver it: please open your DMs to me/);
    expect(t.emulator.threads()).toHaveLength(0);
    t.emulator.setDmsOpen(emery, true);
  });

  it("delivers requests that could not reach their librarian once a mentoring channel is set", async () => {
    const { librarian: quinn, seeker, handle } = await askUnreachable("Quinn", "Rowan", "museum");
    await handle.waitForFollowUp();
    expect(openRequest(t, seeker, quinn).delivery).toBeUndefined();

    const config = moderator().command("config", { "mentoring-channel": t.seed.channels.mentoring });
    expect((await config.reply()).content).toBe("Saved.");
    expect((await config.waitForFollowUp()).content).toMatch(
      /^Delivered \d+ waiting requests? that could not reach/,
    );
    const delivery = openRequest(t, seeker, quinn).delivery;
    if (delivery?.via !== "thread") throw new Error(`delivered by ${delivery?.via ?? "nothing"}`);
    expect(t.emulator.threads(t.seed.channels.mentoring).map((each) => each.id)).toContain(delivery.threadId);
    expect(t.emulator.threadMembers(delivery.threadId)).toContain(quinn);
    await moderator().command("config", { clear: "mentoring" }).reply();
    t.emulator.setDmsOpen(quinn, true);
  });

  it("sets the channels and limits, shows them, and clears a channel", async () => {
    const handle = moderator().command("config", {
      "mentoring-channel": t.seed.channels.mentoring,
      "max-pending": 5,
      "cooldown-days": 30,
      "auto-pause-after": 2,
    });
    const saved = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    expect(saved.content).toBe("Saved.");
    const text = JSON.stringify(saved.embeds);
    expect(text).toContain(`<#${t.seed.channels.mentoring}>: private threads`);
    expect(text).toContain(`<#${t.seed.channels.modLog}>: reports`);
    expect(text).toContain("5 (`max-pending`)");
    expect(settings()).toMatchObject({
      mentoringChannelId: t.seed.channels.mentoring,
      logChannelId: t.seed.channels.modLog,
      maxPendingPerSeeker: 5,
      sameMentorCooldownDays: 30,
      autoPauseAfterExpiries: 2,
    });

    await moderator().command("config", { clear: "log" }).reply();
    expect(settings().logChannelId).toBeUndefined();
    expect(settings().mentoringChannelId).toBe(t.seed.channels.mentoring);
  });

  it("is hidden from members without Manage Server", () => {
    expect(() => actor(t, t.seed.members.seeker).command("config")).toThrow(
      /lacks default_member_permissions/,
    );
  });
});
