import { ValidationError } from "../../src/domain/errors.js";
import type { MentorDemand, SearchDemand } from "../../src/domain/mentors/demand.js";
import {
  type MentorProfile,
  type ProfileInput,
  validateProfileInput,
} from "../../src/domain/mentors/profile.js";
import { MENTOR_COLLECTION, MentorService } from "../../src/domain/mentors/service.js";
import { createStore, guildKey } from "../../src/store/store.js";

export const JAN_15_2025 = Date.UTC(2025, 0, 15, 12);
export const DAY_MS = 24 * 60 * 60 * 1000;

export function profileInput(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    guildId: "g1",
    userId: "u1",
    displayName: "Ada",
    libraryTypes: ["academic"],
    role: "Instruction librarian",
    region: "Midwest",
    timeZone: "America/Chicago",
    formats: ["video"],
    topics: ["instruction"],
    bio: "I teach first-year students to search.",
    ...overrides,
  };
}

/** A stored-shape profile, as the service would build it; for search tests that skip the store. */
export function mentor(
  overrides: Partial<ProfileInput> = {},
  extra: Partial<Pick<MentorProfile, "pausedAt" | "pausedUntil">> = {},
): MentorProfile {
  return { ...validateProfileInput(profileInput(overrides)), ...extra, joinedAt: 0, updatedAt: 0 };
}

/** A service over a memory store holding `profiles` (pauses included), loaded as at start-up. */
export async function serviceOf(...profiles: MentorProfile[]): Promise<MentorService> {
  const store = await createStore({ url: "memory://" });
  for (const profile of profiles)
    await store.set(guildKey(profile.guildId, MENTOR_COLLECTION, profile.userId), profile);
  const service = new MentorService({ store, clock: () => JAN_15_2025 });
  await service.load();
  return service;
}

/** Demand set up per test; records each search's window so tests can check it. */
export class FakeDemand implements MentorDemand {
  readonly asked = new Map<string, number>();
  readonly active = new Map<string, number>();
  readonly excluded = new Set<string>();
  readonly searches: { guildId: string; seekerId: string; since: number }[] = [];

  forSearch(guildId: string, seekerId: string, _now: number, since: number): SearchDemand {
    this.searches.push({ guildId, seekerId, since });
    return {
      askedIfAvailable: (mentorId, monthlyCapacity) => {
        const key = `${guildId}/${mentorId}`;
        if ((this.active.get(key) ?? 0) >= monthlyCapacity) return -1;
        if (this.excluded.has(`${guildId}/${seekerId}>${mentorId}`)) return -1;
        return this.asked.get(key) ?? 0;
      },
    };
  }
}

/** The ValidationError `run` throws; fails the test if it throws nothing or something else. */
export function validationErrorFrom(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("Expected a ValidationError, but nothing was thrown");
}
