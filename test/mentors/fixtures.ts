import type { MentorDemand } from "../../src/domain/mentors/demand.js";
import { MentorIndex } from "../../src/domain/mentors/mentor-index.js";
import {
  type MentorProfile,
  type ProfileInput,
  validateProfileInput,
} from "../../src/domain/mentors/profile.js";
import { ValidationError } from "../../src/domain/mentors/validation.js";

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

export function indexOf(...profiles: MentorProfile[]): MentorIndex {
  const index = new MentorIndex();
  for (const profile of profiles) index.put(profile);
  return index;
}

/** Demand set up per test; records the calls it gets so tests can check the arguments. */
export class FakeDemand implements MentorDemand {
  readonly asked = new Map<string, number>();
  readonly active = new Map<string, number>();
  readonly excluded = new Set<string>();
  readonly askedCalls: { guildId: string; mentorId: string; since: number }[] = [];

  askedSince(guildId: string, mentorId: string, since: number): number {
    this.askedCalls.push({ guildId, mentorId, since });
    return this.asked.get(`${guildId}/${mentorId}`) ?? 0;
  }

  activeThisMonth(guildId: string, mentorId: string): number {
    return this.active.get(`${guildId}/${mentorId}`) ?? 0;
  }

  isExcluded(guildId: string, seekerId: string, mentorId: string): boolean {
    return this.excluded.has(`${guildId}/${seekerId}>${mentorId}`);
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
