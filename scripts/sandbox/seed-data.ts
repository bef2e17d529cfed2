import type { BotContext } from "../../src/core/types.js";
import type { ProfileInput } from "../../src/domain/mentors/index.js";
import type { SandboxWorld } from "./world.js";

type Profile = Omit<ProfileInput, "guildId" | "userId">;

/** Volunteer librarians the sandbox starts with, so `/findmentor academic` shows results at once. */
const LIBRARIANS: Record<string, Profile> = {
  ada: {
    displayName: "Ada",
    libraryTypes: ["academic", "community-college"],
    role: "Research and instruction librarian",
    institution: "a public research university",
    region: "Midwest, US",
    timeZone: "America/Chicago",
    formats: ["video", "text"],
    topics: "instruction, liaison work, tenure, scholarly communication",
    careerMoves: "high school teacher → academic librarian",
    bio: "I teach research skills to first-year students and work with two science departments. Happy to talk about tenure files and moving from teaching into libraries.",
    monthlyCapacity: 3,
    weeklyWindows: "Tue 14:00-16:00, Thu 10:00-12:00",
    avoidTopics: "my own salary",
  },
  ravi: {
    displayName: "Ravi",
    libraryTypes: ["public-library"],
    role: "Branch manager",
    institution: "a mid-size county library system",
    region: "Pacific Northwest, US",
    timeZone: "America/Los_Angeles",
    formats: ["video", "phone", "in-person"],
    topics: "management, programming, civil service hiring, teens",
    careerMoves: "library assistant → librarian → branch manager",
    bio: "Started at the circulation desk while in school. Ask me about civil-service hiring, running a branch, and programs for teens.",
    monthlyCapacity: 2,
    weeklyWindows: "Mon-Fri 12:00-13:00",
  },
  lena: {
    displayName: "Lena",
    libraryTypes: ["archives", "museum"],
    role: "Processing archivist",
    institution: "a university special collections library",
    region: "Northeast, US",
    timeZone: "America/New_York",
    formats: ["video"],
    topics: "processing, finding aids, digitization, donor relations",
    bio: "History degree, then an MLIS with an archives focus. I write finding aids and work with donors; I can talk about practicums and term positions.",
    monthlyCapacity: 2,
    weeklyWindows: "Wed 13:00-15:00, Sat 10:00-11:00",
  },
  omar: {
    displayName: "Omar",
    libraryTypes: ["law", "government"],
    role: "Reference librarian",
    institution: "a state law library",
    region: "Southwest, US",
    timeZone: "America/Phoenix",
    formats: ["phone", "text"],
    topics: "legal research, self-represented litigants, government documents",
    careerMoves: "paralegal → law librarian",
    bio: "I help the public and attorneys find the law. No JD here; happy to talk about when one helps.",
    monthlyCapacity: 2,
  },
  grace: {
    displayName: "Grace",
    libraryTypes: ["medical", "academic"],
    role: "Clinical librarian",
    institution: "a teaching hospital",
    region: "UK",
    timeZone: "Europe/London",
    formats: ["video", "text"],
    topics: "systematic reviews, evidence-based practice, clinical questions",
    bio: "I search for clinical teams and support systematic reviews. Science background, then library school.",
    monthlyCapacity: 2,
  },
};

/** Data the sandbox starts with. Idempotent: someone who left or changed their profile stays as they are. */
export async function seedSandboxData(context: BotContext, world: SandboxWorld): Promise<void> {
  const seededKey = `sandbox/seeded/${world.guildId}`;
  if (await context.store.get(seededKey)) return;
  for (const member of world.members) {
    const profile = LIBRARIANS[member.name];
    if (profile)
      await context.services.mentors.join({ ...profile, guildId: world.guildId, userId: member.id });
  }
  await context.services.settings.update(world.guildId, {
    mentoringChannelId: world.channels.mentoring,
    logChannelId: world.channels.modLog,
  });
  await context.store.set(seededKey, true);
}
