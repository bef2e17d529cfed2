import { expect, it } from "vitest";
import { MentorService } from "../../src/domain/mentors/service.js";
import { SettingsService } from "../../src/domain/settings/service.js";
import { createStore } from "../../src/store/store.js";
import { runScript } from "../support/process.js";
import { describePostgres } from "../support/stores.js";
import { profileInput } from "./fixtures.js";

// Odd, so process "a" ends on a pause.
const ROUNDS = 101;
const GUILD = "g1";
const USER = "u1";

describePostgres("two processes changing one profile and one guild's settings at once", (backend) => {
  it("keep the last write of every field, whichever process made it", async () => {
    const url = backend.freshUrl();
    const setup = await createStore({ url });
    await new MentorService({ store: setup }).join(profileInput({ guildId: GUILD, userId: USER }));
    await new SettingsService(setup).update(GUILD, { autoPauseAfterExpiries: 7 });
    await setup.close();

    const editors = (["a", "b"] as const).map((which) =>
      runScript("test/support/profile-editor.ts", {}, [url, which, String(ROUNDS), GUILD, USER]),
    );
    await Promise.all(editors.map((editor) => editor.waitFor("ready")));
    for (const editor of editors) editor.child.stdin?.end("go\n");
    const codes = await Promise.all(editors.map((editor) => editor.exited));
    expect(codes, editors.map((editor) => editor.output()).join("\n")).toEqual([0, 0]);

    const store = await createStore({ url });
    const mentors = new MentorService({ store });
    const settings = new SettingsService(store);
    await mentors.load();
    await settings.load();
    const last = ROUNDS - 1;
    const profile = mentors.get(GUILD, USER);
    expect(profile?.bio).toBe(`Bio written by a, round ${last}.`);
    expect(profile?.role).toBe(`Role written by b, round ${last}`);
    expect(profile?.pausedAt).toBeTypeOf("number");
    expect(profile?.pauseReason).toBe(`Pause ${last}`);
    expect(profile?.region).toBe(profileInput().region);
    expect(settings.get(GUILD)).toMatchObject({
      sameMentorCooldownDays: last,
      maxPendingPerSeeker: (last % 10) + 1,
      autoPauseAfterExpiries: 7,
    });
    await store.close();
  });
});
