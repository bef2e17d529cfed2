import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../support/harness.js";
import { customIdOf, labelsOf } from "../support/messages.js";
import {
  actor,
  ask,
  askAndDeliver,
  listLibrarian,
  newMember,
  sleep,
  waitForDm,
} from "../support/requests.js";

let t: TestBot;
let librarian: string;
let avery: string;
const services = () => t.bot.context.services;
const guildId = () => t.seed.guildId;

beforeAll(async () => {
  t = await startTestBot({ env: { REQUEST_EXPIRY: "2s", FIRST_CONTACT_NUDGE: "1s" } });
  librarian = t.seed.members.librarian;
  await listLibrarian(t, librarian);
  avery = newMember(t, "Avery");
  await listLibrarian(t, avery, { displayName: "Avery" });
});
afterAll(async () => {
  await t?.stop();
});

const expiredNotices = (seeker: string) =>
  t.emulator.dmMessages(seeker).filter((m) => m.content.includes("expired without an answer"));

describe("request lifecycle", () => {
  it("expires an unanswered request: the seeker is told and shown others, the card says so", async () => {
    const seeker = newMember(t, "Jordan");
    const { request, card } = await askAndDeliver(t, seeker, librarian, "Casey");
    const told = await waitForDm(t, seeker, (m) => m.content.includes("expired without an answer"), 5000);
    expect(told.content).toMatch(/^Your request to \*\*Casey\*\* expired without an answer/);
    const names = told.embeds.map((embed) => embed.author?.name);
    expect(names).toEqual(["Avery"]);
    expect(services().requests.records.get(guildId(), request.id)?.state).toBe("expired");
    await t.emulator.waitUntil(() =>
      /expired without an answer/.test(t.emulator.message(card.id)?.content ?? ""),
    );
    expect(labelsOf(t.emulator.message(card.id))).toEqual(["Block", "Report"]);
    await sleep(500);
    expect(expiredNotices(seeker)).toHaveLength(1);
    // One expiry is not a run of three.
    expect(services().mentors.get(guildId(), librarian)?.pausedAt).toBeUndefined();
  });

  it("pauses a librarian who let 3 requests in a row expire, and tells them why", async () => {
    const blake = newMember(t, "Blake");
    await listLibrarian(t, blake, { displayName: "Blake", libraryTypes: ["law"] });
    const seekers = [newMember(t, "Sam"), newMember(t, "Riley"), newMember(t, "Kit")];
    for (const seeker of seekers) await ask(t, seeker, "Blake", { type: "law" });

    const notice = await waitForDm(
      t,
      blake,
      (m) => m.content.includes("I paused your librarian listing"),
      6000,
    );
    expect(notice.content).toContain("the last 3 interview requests to you expired without an answer");
    expect(notice.content).toContain("`/mentor resume`");
    expect(services().mentors.get(guildId(), blake)?.pausedAt).toBeDefined();
    for (const seeker of seekers) await waitForDm(t, seeker, (m) => m.content.includes("expired without"));
    const search = await actor(t, newMember(t, "Lee"))
      .command("findmentor", { "library-type": "law" })
      .reply();
    expect(labelsOf(search)).not.toContain("Ask Blake");
    await sleep(300);
    expect(t.emulator.dmMessages(blake).filter((m) => m.content.includes("I paused"))).toHaveLength(1);
  });

  it("nudges both by DM to agree a time when there is no thread, once", async () => {
    const seeker = newMember(t, "Quinn");
    const { card } = await askAndDeliver(t, seeker, avery, "Avery");
    await t.emulator.as(avery).click(card, customIdOf(card, "Accept")).reply();
    const nudge = await waitForDm(t, seeker, (m) => m.content.includes("friendly nudge"), 4000);
    expect(nudge.content).toMatch(/^\*\*Quinn\*\* and \*\*Avery\*\*: A friendly nudge/);
    await waitForDm(t, avery, (m) => m.content.includes("friendly nudge"));
    await sleep(500);
    const nudges = (userId: string) =>
      t.emulator.dmMessages(userId).filter((m) => m.content.includes("friendly nudge"));
    expect(nudges(seeker)).toHaveLength(1);
    expect(nudges(avery)).toHaveLength(1);
  });

  it("withdraws a leaving librarian's open requests and tells the seeker", async () => {
    const dana = newMember(t, "Dana");
    await listLibrarian(t, dana, { displayName: "Dana", libraryTypes: ["museum"] });
    const seeker = newMember(t, "Parker");
    await ask(t, seeker, "Dana", { type: "museum" });
    await services().mentors.leave(guildId(), dana);
    const told = await waitForDm(t, seeker, (m) => m.content.includes("was withdrawn"));
    expect(told.content).toMatch(/^Your informational interview request to \*\*the librarian\*\* \(Museum/);
    const [request] = services().requests.privacy.exportFor(guildId(), seeker).requestsSent;
    expect(request?.state).toBe("withdrawn");
    await sleep(2500);
    expect(expiredNotices(seeker)).toHaveLength(0);
  });
});

it("logged no unexpected errors", () => {
  expect(t.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
});
