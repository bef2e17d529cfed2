import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredMessage } from "../../emulator/index.js";
import { FeedSite } from "../support/feed-server.js";
import { startTestBot, type TestBot } from "../support/harness.js";
import { checkProperty, expectAnswered, expectSafeCase, fillModal, hostileText } from "../support/hostile.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import { actor, newMember } from "../support/requests.js";

let t: TestBot;
let site: FeedSite;
beforeAll(async () => {
  site = await FeedSite.start();
  t = await startTestBot();
});
afterAll(async () => {
  await t?.stop();
  await site?.close();
});

const ABOUT = {
  role: "Instruction librarian",
  institution: "A state university",
  region: "Midwest",
  timeZone: "America/Chicago",
  topics: "instruction, outreach",
};
const STORY = { bio: "I teach first-year students to search.", careerMoves: "", monthlyCapacity: "3" };

/** Hostile text, or a valid answer, bare or with hostile text after it, so that some runs get listed. */
const orValid = (...valid: string[]) =>
  fc.oneof(
    hostileText(),
    fc.constantFrom(...valid),
    fc.tuple(fc.constantFrom(...valid), hostileText()).map(([value, noise]) => `${value}${noise}`),
  );
const timeZoneText = () => orValid("America/Chicago", "UTC-5", "utc+05:30", "europe/paris");
const capacityText = () =>
  fc.oneof(hostileText(), fc.integer({ min: -3, max: 99 }).map(String), fc.constant(""));

/**
 * Walks /mentor join with `about` and `story` typed in its two modals. Each step must be answered;
 * a refused field ends the walk. When the preview is reached, confirms and shows the profile.
 */
async function join(
  member: string,
  about: Record<string, string>,
  story: Record<string, string>,
): Promise<"listed" | "refused"> {
  const user = actor(t, member);
  let message: StoredMessage = await user.command("mentor", { subcommand: "join" }).reply();
  message = await user.select(message, "mentor-types", ["academic"]).reply();
  message = await user.select(message, "mentor-formats", ["video", "text"]).reply();
  const aboutModal = await user.click(message, customIdOf(message, "Next: about your work")).modal();
  const aboutHandle = user.submitModal("mentor-about", fillModal(aboutModal, about), message);
  await expectAnswered(aboutHandle);
  message = await aboutHandle.reply();
  if (!labelsOf(message).includes("Next: your story")) return "refused";
  const storyModal = await user.click(message, customIdOf(message, "Next: your story")).modal();
  const storyHandle = user.submitModal("mentor-story", fillModal(storyModal, story), message);
  await expectAnswered(storyHandle);
  message = await storyHandle.reply();
  if (!labelsOf(message).includes("Confirm and list me")) return "refused";
  const done = user.click(message, customIdOf(message, "Confirm and list me"));
  expect(await expectAnswered(done)).toMatch(/You're listed/);
  const profile = await user.command("mentor", { subcommand: "profile" }).reply();
  expect(profile.embeds).toHaveLength(1);
  return "listed";
}

describe("hostile text in /mentor join", () => {
  it("answers any text in the About fields, lists it safely or names the field", async () => {
    const about = fc.record({
      role: orValid(ABOUT.role),
      institution: orValid(ABOUT.institution),
      region: orValid(ABOUT.region),
      timeZone: timeZoneText(),
      topics: orValid(ABOUT.topics),
    });
    const outcomes: string[] = [];
    await checkProperty("mentor about", about, (fields) => {
      const member = newMember(t, "Hostile");
      return expectSafeCase(t, [], async () => void outcomes.push(await join(member, fields, STORY)));
    });
    console.info(`[hostile] mentor about outcomes: ${outcomes.sort().join(" ")}`);
  });

  it("answers any text in the Story fields, lists it safely or names the field", async () => {
    const story = fc.record({
      bio: orValid(STORY.bio),
      careerMoves: hostileText(),
      monthlyCapacity: capacityText(),
    });
    const outcomes: string[] = [];
    await checkProperty("mentor story", story, (fields) => {
      const member = newMember(t, "Storyteller");
      return expectSafeCase(t, [], async () => void outcomes.push(await join(member, ABOUT, fields)));
    });
    console.info(`[hostile] mentor story outcomes: ${outcomes.sort().join(" ")}`);
  });

  it("answers any reason a moderator gives in /mentor remove, and tells the librarian safely", async () => {
    await checkProperty("mentor remove reason", hostileText(), async (reason) => {
      const member = newMember(t, "Removed");
      await join(member, ABOUT, STORY);
      await expectSafeCase(t, [], async () => {
        const handle = actor(t, t.seed.members.moderator).command("mentor", {
          subcommand: "remove",
          options: { user: member, ...(reason ? { reason: reason.slice(0, 300) } : {}) },
        });
        expect(await expectAnswered(handle)).toMatch(/Removed/);
      });
    });
  });
});

describe("hostile text in searches", () => {
  it("answers any /findmentor keyword and time zone", async () => {
    const searches = fc.record({ keyword: hostileText(), timezone: timeZoneText() });
    await checkProperty("findmentor keyword and timezone", searches, (search) =>
      expectSafeCase(t, [], async () => {
        const options: Record<string, string> = { "library-type": "academic" };
        if (search.keyword) options.keyword = search.keyword.slice(0, 100);
        if (search.timezone) options.timezone = search.timezone.slice(0, 60);
        const handle = actor(t, t.seed.members.seeker).command("findmentor", options);
        await expectAnswered(handle);
        expect(handle.ephemeral).toBe(true);
      }),
    );
  });

  it("answers any library type typed into /findmentor and /questions", async () => {
    const typed = hostileText().filter((text) => text.length > 0);
    await checkProperty("typed library-type", typed, (type) =>
      expectSafeCase(t, [], async () => {
        const value = type.slice(0, 6000);
        const seeker = actor(t, t.seed.members.seeker);
        await expectAnswered(seeker.command("findmentor", { "library-type": value }));
        await expectAnswered(seeker.command("questions", { "library-type": value }));
      }),
    );
  });
});

describe("hostile text typed into autocompleted options", () => {
  it("answers autocomplete for any typed library type, time zone or feed, and any typed feed", async () => {
    await checkProperty("autocomplete and typed feed", hostileText(), (typed) =>
      expectSafeCase(t, [], async () => {
        const value = typed.slice(0, 100);
        const seeker = actor(t, t.seed.members.seeker);
        const moderator = actor(t, t.seed.members.moderator);
        const zone = { "library-type": "academic", timezone: value.slice(0, 60) };
        const choiceLists = [
          await seeker.autocomplete("findmentor", { "library-type": value }, "library-type"),
          await seeker.autocomplete("findmentor", zone, "timezone"),
          await seeker.autocomplete("questions", { "library-type": value }, "library-type"),
          await moderator.autocomplete("feeds", { subcommand: "pause", options: { feed: value } }, "feed"),
        ];
        for (const choices of choiceLists) expect(choices.length).toBeLessThanOrEqual(25);
        if (value === "") return;
        for (const subcommand of ["pause", "resume", "remove"])
          await expectAnswered(moderator.command("feeds", { subcommand, options: { feed: value } }));
      }),
    );
  });
});

describe("hostile text in /feeds add", () => {
  it("answers any keywords, and lists the feed safely", async () => {
    let served = 0;
    await checkProperty("feeds add keywords", hostileText(), (keywords) =>
      expectSafeCase(t, [], async () => {
        served++;
        const feed = site.serve(`hostile-${served}`, `Hostile ${served}`);
        const moderator = actor(t, t.seed.members.moderator);
        const options: Record<string, string> = { url: feed.url };
        if (keywords) options.keywords = keywords.slice(0, 300);
        await expectAnswered(moderator.command("feeds", { subcommand: "add", options }));
        await expectAnswered(moderator.command("feeds", { subcommand: "list" }));
      }),
    );
  });
});

describe("after the hostile runs", () => {
  it("exports and deletes the data of someone with a hostile profile, and still answers /help", async () => {
    const member = newMember(t, "Exporter");
    await join(member, { ...ABOUT, role: "<@&1> @everyone [x](https://evil.example/)" }, STORY);
    await expectSafeCase(t, [], async () => {
      const user = actor(t, member);
      expect(await expectAnswered(user.command("privacy", { subcommand: "export" }))).toMatch(/Sent/);
      await expectAnswered(user.command("privacy", { subcommand: "blocks" }));
      const ask = await user.command("privacy", { subcommand: "delete-my-data" }).reply();
      expect(labelsOf(ask)).toContain("Delete my data");
      await user.click(ask, customIdOf(ask, "Delete my data")).reply();
    });
    const help = await actor(t, t.seed.members.seeker).command("help").reply();
    expect(help.embeds[0]?.title).toContain("Reference Desk");
  });
});
