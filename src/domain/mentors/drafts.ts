import { randomBytes } from "node:crypto";
import { guildKey, type Store } from "../../store/store.js";
import { UserError } from "../errors.js";
import { DAY_MS } from "../time.js";
import { formatAwayDates, formatWeeklyWindows } from "./availability.js";
import {
  type MentorProfile,
  type ProfileInput,
  type ValidProfileInput,
  validateProfileInput,
} from "./index.js";

/** A /mentor join or edit in progress: what was entered so far, kept until confirmed (a day at most). */
export interface MentorDraft {
  mode: "join" | "edit";
  /**
   * Changes on every save. A preview's confirm button carries the revision it showed, so a button
   * from an older form (another `/mentor edit` opened since) cannot save what it never showed.
   */
  revision?: string;
  libraryTypes?: string[];
  formats?: string[];
  role?: string;
  institution?: string;
  region?: string;
  timeZone?: string;
  topics?: string;
  careerMoves?: string;
  bio?: string;
  monthlyCapacity?: string;
  /** The optional availability step: weekly windows, away dates and topics to avoid, as typed. */
  weeklyWindows?: string;
  awayDates?: string;
  avoidTopics?: string;
}

export type DraftStep = "choices" | "about" | "story" | "availability";

export const STEP_FIELDS: Record<DraftStep, readonly (keyof MentorDraft)[]> = {
  choices: ["libraryTypes", "formats"],
  about: ["role", "institution", "region", "timeZone", "topics"],
  story: ["bio", "careerMoves", "monthlyCapacity"],
  availability: ["weeklyWindows", "awayDates", "avoidTopics"],
};

const DRAFT_TTL_MS = DAY_MS;

/** Stand-ins for fields of later steps, so that one step can be checked on its own. */
const PLACEHOLDERS: Partial<Record<keyof MentorDraft, string | string[]>> = {
  libraryTypes: ["academic"],
  formats: ["video"],
  role: "x",
  region: "x",
  timeZone: "UTC",
  bio: "x",
};

export class MentorDrafts {
  constructor(private readonly store: Store) {}

  get(guildId: string, userId: string): Promise<MentorDraft | undefined> {
    return this.store.get<MentorDraft>(key(guildId, userId));
  }

  /** Starts a draft: empty for a join, the stored profile for an edit. */
  async start(guildId: string, userId: string, profile?: MentorProfile): Promise<MentorDraft> {
    const draft: MentorDraft = profile
      ? {
          mode: "edit",
          revision: newRevision(),
          libraryTypes: profile.libraryTypes,
          formats: profile.formats,
          role: profile.role,
          institution: profile.institution,
          region: profile.region,
          timeZone: profile.timeZone,
          topics: profile.topics.join(", "),
          careerMoves: profile.careerMoves,
          bio: profile.bio,
          monthlyCapacity: String(profile.monthlyCapacity),
          weeklyWindows: formatWeeklyWindows(profile.weeklyWindows ?? []),
          awayDates: formatAwayDates(profile.awayDates ?? []),
          avoidTopics: (profile.avoidTopics ?? []).join(", "),
        }
      : { mode: "join", revision: newRevision() };
    await this.store.set(key(guildId, userId), draft, DRAFT_TTL_MS);
    return draft;
  }

  /** Saves what was entered (even if invalid, so the form can show it again), then checks `step` if given. */
  async save(
    guildId: string,
    userId: string,
    changes: Partial<MentorDraft>,
    step?: DraftStep,
  ): Promise<MentorDraft> {
    const draft = await this.store.update<MentorDraft>(key(guildId, userId), (current) =>
      current ? { ...current, ...changes, revision: newRevision() } : undefined,
    );
    if (!draft) throw new DraftExpiredError();
    if (step) checkStep(draft, step);
    return draft;
  }

  /** The draft a preview showed, to be confirmed; a {@link DraftChangedError} when it was changed since. */
  async previewed(guildId: string, userId: string, revision: string | undefined): Promise<MentorDraft> {
    const draft = await this.get(guildId, userId);
    if (!draft) throw new DraftExpiredError();
    if (draft.revision !== revision) throw new DraftChangedError(draft);
    return draft;
  }

  discard(guildId: string, userId: string): Promise<boolean> {
    return this.store.delete(key(guildId, userId));
  }
}

export class DraftExpiredError extends UserError {
  override readonly name = "DraftExpiredError";

  constructor() {
    super("This form has expired. Run /mentor join (or /mentor edit) again; it only takes a minute.");
  }
}

/** The form was changed elsewhere (another `/mentor edit` or join) after this preview was shown. */
export class DraftChangedError extends UserError {
  override readonly name = "DraftChangedError";

  constructor(readonly current: MentorDraft) {
    super(
      "Nothing was saved: this form changed elsewhere (you opened it again since this preview). " +
        "Check the current answers and confirm again.",
    );
  }
}

const newRevision = (): string => randomBytes(4).toString("hex");

/** The profile a complete draft describes; a ValidationError names the first field to fix. */
export function profileFromDraft(
  draft: MentorDraft,
  ids: { guildId: string; userId: string; displayName: string },
): ValidProfileInput {
  return validateProfileInput(toInput(draft, ids));
}

function checkStep(draft: MentorDraft, step: DraftStep): void {
  const filled: Record<string, unknown> = { ...draft };
  for (const [field, placeholder] of Object.entries(PLACEHOLDERS)) {
    if (!STEP_FIELDS[step].includes(field as keyof MentorDraft)) filled[field] = placeholder;
  }
  validateProfileInput(
    toInput(filled as unknown as MentorDraft, { guildId: "1", userId: "1", displayName: "x" }),
  );
}

const toInput = (
  draft: MentorDraft,
  ids: { guildId: string; userId: string; displayName: string },
): ProfileInput => ({
  ...ids,
  libraryTypes: draft.libraryTypes ?? [],
  formats: draft.formats ?? [],
  role: draft.role ?? "",
  institution: draft.institution,
  region: draft.region ?? "",
  timeZone: draft.timeZone ?? "",
  topics: draft.topics,
  careerMoves: draft.careerMoves,
  bio: draft.bio ?? "",
  monthlyCapacity: draft.monthlyCapacity?.trim() || undefined,
  weeklyWindows: draft.weeklyWindows,
  awayDates: draft.awayDates,
  avoidTopics: draft.avoidTopics,
});

const key = (guildId: string, userId: string) => guildKey(guildId, "mentor-draft", userId);
