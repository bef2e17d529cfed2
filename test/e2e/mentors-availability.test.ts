import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredMessage } from "../../emulator/index.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf } from "../support/messages.js";
import { listLibrarian } from "../support/requests.js";

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.stop();
});

const ABOUT = {
  role: "Archivist",
  institution: "",
  region: "Ontario",
  timeZone: "America/Toronto",
  topics: "",
};
const STORY = { bio: "I run a small university archive.", careerMoves: "", monthlyCapacity: "2" };

/** /mentor join up to the preview. */
async function preview(member: string): Promise<StoredMessage> {
  const actor = t.emulator.as(member, { guildId: t.seed.guildId });
  let message = await actor.command("mentor", { subcommand: "join" }).reply();
  message = await actor.select(message, "mentor-types", ["archives"]).reply();
  message = await actor.select(message, "mentor-formats", ["video"]).reply();
  await actor.click(message, customIdOf(message, "Next: about your work")).modal();
  message = await actor.submitModal("mentor-about", ABOUT, message).reply();
  await actor.click(message, customIdOf(message, "Next: your story")).modal();
  return actor.submitModal("mentor-story", STORY, message).reply();
}

describe("availability in /mentor join and edit", () => {
  it("takes weekly hours, away dates and topics to avoid, shows them in the preview, and saves them", async () => {
    const member = t.emulator.addMember(t.seed.guildId, { username: "jo", globalName: "Jo" }).userId;
    const actor = t.emulator.as(member, { guildId: t.seed.guildId });
    let message = await preview(member);
    const form = await actor.click(message, customIdOf(message, "Availability")).modal();
    expect(form.title).toBe("Availability (optional)");

    const bad = await actor
      .submitModal(
        "mentor-availability",
        { weeklyWindows: "Tuesdays after lunch", awayDates: "", avoidTopics: "" },
        message,
      )
      .reply();
    expect(bad.content).toContain('"Tuesdays after lunch" is not a weekly time');
    expect(bad.content).toContain("Tue 14:00-16:00");

    await actor.click(message, customIdOf(message, "Availability")).modal();
    message = await actor
      .submitModal(
        "mentor-availability",
        {
          weeklyWindows: "Tue 14:00-16:00, Thu 13:00-15:00",
          awayDates: "2027-04-01 to 2027-04-10",
          avoidTopics: "Salaries",
        },
        message,
      )
      .reply();
    const card = message.embeds[0];
    expect(card?.fields).toContainEqual(
      expect.objectContaining({ name: "Usually free", value: "Tue/Thu afternoons (their time)" }),
    );
    expect(card?.footer?.text).toContain("Away (no times offered): 2027-04-01 to 2027-04-10");
    expect(card?.footer?.text).toContain("Rather not discuss: salaries");
    await actor.click(message, customIdOf(message, "Confirm and list me")).reply();
    expect(t.bot.context.services.mentors.get(t.seed.guildId, member)).toMatchObject({
      weeklyWindows: [
        { day: 2, start: 840, end: 960 },
        { day: 4, start: 780, end: 900 },
      ],
      awayDates: [{ from: "2027-04-01", to: "2027-04-10" }],
      avoidTopics: ["salaries"],
    });
  });

  it("fills the availability form in /mentor edit with what is saved, and clears a field left empty", async () => {
    const member = t.emulator.addMember(t.seed.guildId, { username: "al", globalName: "Al" }).userId;
    await listLibrarian(t, member, {
      displayName: "Al",
      weeklyWindows: "Mon 09:00-10:00",
      avoidTopics: "politics",
    });
    const actor = t.emulator.as(member, { guildId: t.seed.guildId });
    let message = await actor.command("mentor", { subcommand: "edit" }).reply();
    await actor.click(message, customIdOf(message, "Next: about your work")).modal();
    message = await actor.submitModal("mentor-about", ABOUT, message).reply();
    await actor.click(message, customIdOf(message, "Next: your story")).modal();
    message = await actor.submitModal("mentor-story", STORY, message).reply();
    const form = await actor.click(message, customIdOf(message, "Availability")).modal();
    expect(JSON.stringify(form.components)).toContain('"value":"Mon 09:00-10:00"');
    expect(JSON.stringify(form.components)).toContain('"value":"politics"');
    message = await actor
      .submitModal(
        "mentor-availability",
        { weeklyWindows: "Mon 09:00-10:00", awayDates: "", avoidTopics: "" },
        message,
      )
      .reply();
    await actor.click(message, customIdOf(message, "Save changes")).reply();
    const saved = t.bot.context.services.mentors.get(t.seed.guildId, member);
    expect(saved?.weeklyWindows).toEqual([{ day: 1, start: 540, end: 600 }]);
    expect(saved).not.toHaveProperty("avoidTopics");
  });
});
