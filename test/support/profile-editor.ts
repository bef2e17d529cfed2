// One of two processes changing the same librarian's profile and the same guild's settings at once
// (test/mentors/processes.test.ts). Process "a" edits the bio, pauses and resumes in turn and sets the
// cooldown; process "b" edits the role and sets the pending limit. `count` rounds, one after another,
// started by a line on stdin so that both processes write at the same time.
import { once } from "node:events";
import { MentorService } from "../../src/domain/mentors/service.js";
import { SettingsService } from "../../src/domain/settings/service.js";
import { createStore } from "../../src/store/store.js";

const [url, which, count, guildId, userId] = process.argv.slice(2);
if (!url || (which !== "a" && which !== "b") || !count || !guildId || !userId) {
  throw new Error("usage: profile-editor <url> a|b <count> <guildId> <userId>");
}
const store = await createStore({ url });
const mentors = new MentorService({ store });
const settings = new SettingsService(store);
await mentors.load();
await settings.load();
console.log("ready");
await once(process.stdin, "data");
for (let i = 0; i < Number(count); i++) {
  if (which === "a") {
    await mentors.edit(guildId, userId, { bio: `Bio written by a, round ${i}.` });
    if (i % 2 === 0) await mentors.pause(guildId, userId, undefined, `Pause ${i}`);
    else await mentors.resume(guildId, userId);
    await settings.update(guildId, { sameMentorCooldownDays: i });
  } else {
    await mentors.edit(guildId, userId, { role: `Role written by b, round ${i}` });
    await settings.update(guildId, { maxPendingPerSeeker: (i % 10) + 1 });
  }
}
await store.close();
console.log("done");
