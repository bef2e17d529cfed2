import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/domain/errors.js";
import { ASKING_STOPPED } from "../../src/domain/requests/messages.js";
import { RequestRefused } from "../../src/domain/requests/refusal.js";
import type { InterviewRequest } from "../../src/domain/requests/request.js";
import { createRequests } from "../../src/domain/requests/requests.js";
import { type Fixture, fixture, GUILD, limitOf, refusal, requestInput, TERMS } from "./helpers.js";

let f: Fixture;
let request: InterviewRequest;
beforeEach(async () => {
  f = await fixture();
  request = await f.requests.lifecycle.create(requestInput("s", "m"), TERMS);
});
afterEach(() => f.store.close());

describe("reports", () => {
  it("files one report per person per request, keeping the first reason", async () => {
    const first = await f.requests.reports.file(GUILD, request.id, "m", "  Rude and\u0000 pushy.  ");
    expect(first).toEqual({
      created: true,
      report: {
        guildId: GUILD,
        requestId: request.id,
        reporterId: "m",
        reporterSide: "librarian",
        reportedId: "s",
        reason: "Rude and pushy.",
        createdAt: f.clock.now,
      },
    });
    const second = await f.requests.reports.file(GUILD, request.id, "m", "Something else");
    expect(second).toEqual({ created: false, report: first.report });
    const bySeeker = await f.requests.reports.file(GUILD, request.id, "s", "They never showed up.");
    expect(bySeeker.created).toBe(true);
    expect(bySeeker.report).toMatchObject({ reporterSide: "seeker", reportedId: "m" });
    expect(await f.requests.reports.get(GUILD, request.id, "m")).toEqual(first.report);
  });

  it("takes a report from the two people in the request only, with a reason of 1-1,000 characters", async () => {
    expect(await refusal(f.requests.reports.file(GUILD, request.id, "x", "Spam"))).toBe(
      "UserError: Only the two people in this request can report it.",
    );
    expect(await refusal(f.requests.reports.file(GUILD, request.id, "m", "   "))).toMatch(
      /say what happened/,
    );
    expect(await refusal(f.requests.reports.file(GUILD, request.id, "m", "x".repeat(1001)))).toBe(
      "UserError: The reason is 1001 characters; the limit is 1000.",
    );
    await expect(f.requests.reports.file(GUILD, request.id, "m", "x".repeat(1000))).resolves.toMatchObject({
      created: true,
    });
  });

  it("lets one moderator action be claimed, the one that fits who reported", async () => {
    await f.requests.reports.file(GUILD, request.id, "m", "Spam");
    await expect(
      f.requests.reports.claimAction(GUILD, request.id, "m", "pause-librarian", "mod1"),
    ).rejects.toBeInstanceOf(UserError);
    const claims = await Promise.all(
      ["mod1", "mod2"].map((mod) =>
        f.requests.reports.claimAction(GUILD, request.id, "m", "stop-seeker", mod),
      ),
    );
    expect(claims.map((claim) => claim.claimed)).toEqual([true, false]);
    expect(claims[1]?.report.action).toEqual({ kind: "stop-seeker", by: "mod1", at: f.clock.now });
    expect(
      await refusal(f.requests.reports.claimAction(GUILD, request.id, "s", "pause-librarian", "mod1")),
    ).toBe("UserError: This report no longer exists.");
  });
});

describe("seekers stopped by a moderator", () => {
  it("refuses every new request of theirs in that guild, before the form and on sending", async () => {
    await f.requests.stops.stop(GUILD, "s", "mod1");
    expect(f.requests.stops.isStopped(GUILD, "s")).toBe(true);
    expect(f.requests.stops.isStopped("other-guild", "s")).toBe(false);
    expect(await limitOf(f.requests.lifecycle.create(requestInput("s", "m2"), TERMS))).toEqual({
      kind: "asking-stopped",
    });
    const early = (() => {
      try {
        f.requests.demand.assertRoomToAsk(GUILD, "s", "m3", 10, f.clock.now);
      } catch (error) {
        return error;
      }
    })();
    expect(early).toBeInstanceOf(RequestRefused);
    expect((early as RequestRefused).message).toBe(ASKING_STOPPED);
    await expect(f.requests.lifecycle.create(requestInput("s2", "m2"), TERMS)).resolves.toMatchObject({
      state: "pending",
    });
  });

  it("keeps the first stop, and reads the stops back from the store on start-up", async () => {
    const first = await f.requests.stops.stop(GUILD, "s", "mod1");
    f.clock.now += 1000;
    expect(await f.requests.stops.stop(GUILD, "s", "mod2")).toEqual(first);
    const restarted = createRequests({
      store: f.store,
      settings: f.settings,
      requestExpiryMs: 1000,
      followUpDelayMs: 1000,
    });
    await restarted.load();
    expect(restarted.stops.isStopped(GUILD, "s")).toBe(true);
  });
});
