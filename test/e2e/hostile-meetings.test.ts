import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredMessage } from "../../emulator/index.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { checkProperty, expectAnswered, expectSafeCase, fillModal, hostileText } from "../support/hostile.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import { actor, listLibrarian, NOTE, newMember, openRequest, waitForDm } from "../support/requests.js";

// From Monday 8 March 2027, 12:00 UTC, as in the meetings tests, so the typed dates below are in the
// future; the clock runs on, as a real one does (a proposal's announcement is told apart by when it was made).
const START = Date.now();
const clock = () => Date.UTC(2027, 2, 8, 12) + (Date.now() - START);
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ clock, env: { REQUEST_EXPIRY: "7d", FIRST_CONTACT_NUDGE: "7d" } });
  await actor(t, t.seed.members.moderator)
    .command("config", { "mentoring-channel": t.seed.channels.mentoring })
    .reply();
});
afterAll(async () => {
  await t?.stop();
});

/** Hostile text, or a valid answer, bare or with hostile text after it, so that some runs get through. */
const orValid = (...valid: string[]) =>
  fc.oneof(
    hostileText(),
    fc.constantFrom(...valid),
    fc.tuple(fc.constantFrom(...valid), hostileText()).map(([value, noise]) => `${value}${noise}`),
  );

/** As {@link orValid}, with bare valid answers likelier: for a form where every field must be right at once. */
const mostlyValid = (...valid: string[]) =>
  fc.oneof({ weight: 1, arbitrary: orValid(...valid) }, { weight: 2, arbitrary: fc.constantFrom(...valid) });

const ABOUT = {
  role: "Archivist",
  institution: "",
  region: "Ontario",
  timeZone: "America/Toronto",
  topics: "",
};
const STORY = { bio: "I run a small university archive.", careerMoves: "", monthlyCapacity: "2" };

/** /mentor join (or edit, for someone listed already) up to the preview that has the Availability button. */
async function previewFor(member: string, mode: "join" | "edit"): Promise<StoredMessage> {
  const user = actor(t, member);
  let message = await user.command("mentor", { subcommand: mode }).reply();
  if (mode === "join") {
    message = await user.select(message, "mentor-types", ["archives"]).reply();
    message = await user.select(message, "mentor-formats", ["video"]).reply();
  }
  await user.click(message, customIdOf(message, "Next: about your work")).modal();
  message = await user.submitModal("mentor-about", ABOUT, message).reply();
  await user.click(message, customIdOf(message, "Next: your story")).modal();
  return user.submitModal("mentor-story", STORY, message).reply();
}

describe("hostile text in the Availability form of /mentor join and edit", () => {
  it("answers any weekly hours, away dates and topics to avoid, and shows or saves them safely", async () => {
    const fields = fc.record({
      mode: fc.constantFrom("join" as const, "edit" as const),
      weeklyWindows: orValid(
        "Tue 14:00-16:00",
        "Mon-Fri 09:00-10:00, Sat 10:00-12:00",
        "sat-mon 08:00-24:00",
      ),
      awayDates: orValid("2027-03-15", "2027-04-01 to 2027-04-10"),
      avoidTopics: orValid("salary", "my previous employer, politics"),
    });
    const outcomes: string[] = [];
    await checkProperty(
      "mentor availability",
      fields,
      ({ mode, ...typed }) => {
        const member = newMember(t, "Available");
        return expectSafeCase(t, [], async () => {
          if (mode === "edit") await listLibrarian(t, member, { displayName: "Available" });
          const user = actor(t, member);
          const preview = await previewFor(member, mode);
          const form = await user.click(preview, customIdOf(preview, "Availability")).modal();
          const handle = user.submitModal("mentor-availability", fillModal(form, typed), preview);
          const answer = await expectAnswered(handle);
          if (!answer.includes("This is how job-seekers will see you")) {
            outcomes.push("refused");
            return;
          }
          const shown = await handle.reply();
          const confirm = mode === "join" ? "Confirm and list me" : "Save changes";
          expect(labelsOf(shown)).toContain(confirm);
          expect(await expectAnswered(user.click(shown, customIdOf(shown, confirm)))).toMatch(
            /You're listed|Saved/,
          );
          const profile = await user.command("mentor", { subcommand: "profile" }).reply();
          expect(profile.embeds).toHaveLength(1);
          outcomes.push(`${mode}ed`);
        });
      },
      20,
    );
    console.info(`[hostile] availability outcomes: ${outcomes.sort().join(" ")}`);
  });
});

let librarians = 0;

/** A librarian of their own and a seeker, with an accepted request, its thread and its time picker. */
async function acceptedInThread() {
  librarians++;
  const name = `Librarian${librarians}`;
  const librarianId = newMember(t, name);
  const topic = `meeting-topic-${librarians}`;
  await listLibrarian(t, librarianId, {
    displayName: name,
    topics: [topic],
    weeklyWindows: "Tue 14:00-16:00, Thu 10:00-12:00",
  });
  const seekerId = newMember(t, "Seeker");
  const seeker = actor(t, seekerId);
  const found = await seeker.command("findmentor", { "library-type": "academic", keyword: topic }).reply();
  const ask = await seeker.click(found, customIdOf(found, `Ask ${name}`)).modal();
  await seeker.submitModal(ask.custom_id, { note: NOTE, format: "video" }).reply();
  const card = await waitForDm(t, librarianId, (message) => message.embeds.length > 0);
  await actor(t, librarianId).click(card, customIdOf(card, "Accept")).reply();
  const { id } = openRequest(t, seekerId, librarianId);
  const request = () => t.bot.context.services.requests.records.get(t.seed.guildId, id);
  await t.emulator.waitUntil(() => request()?.threadId !== undefined, 5000, "the request's thread");
  const threadId = request()?.threadId ?? "";
  const picker = await nextInThread(threadId, "Pick a time", 0);
  return { librarianId, seekerId, threadId, picker, request };
}

/** The first message in the thread after the first `seen` ones that contains `text` (or has it as a button). */
async function nextInThread(threadId: string, text: string, seen: number): Promise<StoredMessage> {
  let found: StoredMessage | undefined;
  await t.emulator.waitUntil(
    () => {
      found = t.emulator
        .channelMessages(threadId)
        .slice(seen)
        .find((message) => message.content.includes(text) || labelsOf(message).includes(text));
      return found !== undefined;
    },
    5000,
    `"${text}" in the thread`,
  );
  return found as StoredMessage;
}

type Meeting = Awaited<ReturnType<typeof acceptedInThread>>;

/** `by` puts a time forward with the form on the picker, the other confirms it: the confirmation post. */
async function agree(m: Meeting, by: string, date: string): Promise<StoredMessage> {
  const other = by === m.seekerId ? m.librarianId : m.seekerId;
  const seen = t.emulator.channelMessages(m.threadId).length;
  const form = await actor(t, by).click(m.picker, customIdOf(m.picker, "Propose a time")).modal();
  const typed = { date, time: "15:00", timeZone: "America/Chicago" };
  expect(await expectAnswered(actor(t, by).submitModal(form.custom_id, typed))).toMatch(/You proposed/);
  const proposal = await nextInThread(m.threadId, "proposes", seen);
  await actor(t, other).click(proposal, customIdOf(proposal, "Confirm")).reply();
  return nextInThread(m.threadId, "Reschedule", seen);
}

describe("hostile text in the Propose a time form", () => {
  let meeting: Meeting;
  beforeAll(async () => {
    meeting = await acceptedInThread();
  });

  it("answers any date, time and time zone, and puts a valid one forward safely", async () => {
    const typed = fc.record({
      bySeeker: fc.boolean(),
      date: mostlyValid("2027-03-10", "2027-04-01", "2027-03-01", "2027-02-30", "2028-12-31"),
      time: mostlyValid("14:00", "9:30", "24:00", "02:30", "2:30"),
      timeZone: mostlyValid("America/Chicago", "UTC-5", "utc+05:30", "europe/paris", "Etc/GMT+3"),
    });
    const outcomes: string[] = [];
    await checkProperty("propose a time", typed, ({ bySeeker, ...fields }) => {
      const { seekerId, librarianId, threadId, picker } = meeting;
      return expectSafeCase(t, [seekerId, librarianId], async () => {
        const by = actor(t, bySeeker ? seekerId : librarianId);
        const seen = t.emulator.channelMessages(threadId).length;
        const form = await by.click(picker, customIdOf(picker, "Propose a time")).modal();
        const answer = await expectAnswered(by.submitModal(form.custom_id, fillModal(form, fields)));
        if (/^You proposed/.test(answer)) {
          await nextInThread(threadId, "proposes", seen);
          outcomes.push("proposed");
        } else outcomes.push(/^You already proposed/.test(answer) ? "again" : "refused");
      });
    });
    expect(meeting.request()?.meeting?.confirmed).toBeUndefined();
    console.info(`[hostile] propose outcomes: ${outcomes.sort().join(" ")}`);
  });
});

describe("hostile text in the Reschedule and Cancel notes", () => {
  it("answers any note, and shows it to the other person as typed", async () => {
    const notes = fc.record({ reschedule: hostileText(), cancel: hostileText() });
    await checkProperty(
      "reschedule and cancel notes",
      notes,
      async (typed) => {
        const m = await acceptedInThread();
        await expectSafeCase(t, [m.seekerId, m.librarianId], async () => {
          const librarian = actor(t, m.librarianId);
          const seeker = actor(t, m.seekerId);
          const confirmed = await agree(m, m.seekerId, "2027-03-10");
          let seen = t.emulator.channelMessages(m.threadId).length;
          const moveForm = await librarian.click(confirmed, customIdOf(confirmed, "Reschedule")).modal();
          const moved = librarian.submitModal(
            moveForm.custom_id,
            fillModal(moveForm, { reason: typed.reschedule }),
          );
          expect(await expectAnswered(moved)).toMatch(/opened the time picker again/);
          await nextInThread(m.threadId, "needs to move the interview", seen);

          const again = await agree(m, m.librarianId, "2027-03-11");
          seen = t.emulator.channelMessages(m.threadId).length;
          const cancelForm = await seeker.click(again, customIdOf(again, "Cancel")).modal();
          const cancelled = seeker.submitModal(
            cancelForm.custom_id,
            fillModal(cancelForm, { reason: typed.cancel }),
          );
          expect(await expectAnswered(cancelled)).toMatch(/^Cancelled/);
          await nextInThread(m.threadId, "cancelled the interview", seen);
          expect(m.request()?.state).toBe("cancelled");
        });
      },
      10,
    );
  });

  it("still answers /help after every hostile run, and logged no errors", async () => {
    const help = await actor(t, t.seed.members.seeker).command("help").reply();
    expect(help.embeds[0]?.title).toContain("Reference Desk");
    expect(t.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});
