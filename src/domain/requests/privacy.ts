import type { SettingsService } from "../settings/index.js";
import type { RequestBlocks } from "./blocks.js";
import type { ExpiryStreaks } from "./expiry-streaks.js";
import { repeatLimit } from "./limits.js";
import type { RequestRecords } from "./records.js";
import type { ReportSide, RequestReports } from "./reports.js";
import { type InterviewRequest, isOpen, newestFirst, owing } from "./request.js";
import type { SafetyRecords } from "./safety.js";
import type { SeekerStops } from "./seeker-stops.js";

/** Said in every export: what deleting one's data keeps, and why. */
export const KEPT_AFTER_DELETION =
  "Deleting your data deletes everything above, except what protects other people. That is kept " +
  "holding no id, name or words of yours, only a one-way code made from your account id that the bot " +
  "can recognize if you ask again: a librarian's block of you, until they lift it; the wait before you " +
  "may ask a librarian you asked recently again (with the day you asked), until it ends; a moderator's " +
  "stop on your requests, so deleting your data does not lift it; and reports you made or that name " +
  "you, for the server's moderators, so they can still act on them (which side reported, when, the " +
  "other person's id and any action taken; the reason is dropped). Posts the bot already made in the " +
  "moderators' log channel are theirs and stay as they are.";

/** Said in every export: what it leaves out, without saying whether there is any. */
export const NOT_SHOWN =
  "Not shown here, to protect the people involved: whether a librarian blocked you, seekers' private " +
  "ratings of you, and reports others made about you (those are kept for the server's moderators).";

interface RequestExport {
  guildId: string;
  userId: string;
  requestsSent: InterviewRequest[];
  /** Without the seekers' private feedback. */
  requestsReceived: InterviewRequest[];
  blocksMade: { seekerId: string; seekerName: string | null; createdAt: number }[];
  /** Kept for the librarian when someone they blocked or were asked by deleted their data. */
  keptToProtectYou: {
    blocksOfDeletedAccounts: { createdAt: number }[];
    waitsOfDeletedAccounts: { liftsAt: number }[];
  };
  /** Without any moderator action on them: that is the moderators' decision about someone else. */
  reportsMade: {
    requestId: string;
    side: ReportSide;
    /** Null once the person you reported deleted their data. */
    reportedId: string | null;
    reason: string | null;
    createdAt: number;
  }[];
  /**
   * A moderator stopped you from sending requests on this server (who did it is not shown), or the
   * bot did for a while after missed interviews (`until`).
   */
  askingStopped: { since: number; until?: number } | null;
  keptAfterDeletion: string;
  notShown: string;
}

interface RequestPrivacyOptions {
  records: RequestRecords;
  blocks: RequestBlocks;
  streaks: ExpiryStreaks;
  safety: SafetyRecords;
  reports: RequestReports;
  stops: SeekerStops;
  settings: Pick<SettingsService, "get">;
  clock: () => number;
}

/** A user's part in requests and blocks: exported, withdrawn or deleted when they ask, or leave. */
export class RequestPrivacy {
  readonly #records: RequestRecords;
  readonly #blocks: RequestBlocks;
  readonly #streaks: ExpiryStreaks;
  readonly #safety: SafetyRecords;
  readonly #reports: RequestReports;
  readonly #stops: SeekerStops;
  readonly #settings: Pick<SettingsService, "get">;
  readonly #clock: () => number;

  constructor(options: RequestPrivacyOptions) {
    this.#records = options.records;
    this.#blocks = options.blocks;
    this.#streaks = options.streaks;
    this.#safety = options.safety;
    this.#reports = options.reports;
    this.#stops = options.stops;
    this.#settings = options.settings;
    this.#clock = options.clock;
  }

  /**
   * Withdraws every open request the user is part of: on either side before deleting their data, or
   * only `as: "mentor"` when a librarian leaves the directory. Returns the withdrawn requests and,
   * once each, the other people in them, to be told.
   */
  async withdrawAllFor(
    guildId: string,
    userId: string,
    as?: "seeker" | "mentor",
  ): Promise<{ withdrawn: InterviewRequest[]; notify: string[] }> {
    const { index } = this.#records;
    const requests =
      as === "seeker"
        ? index.sentBy(guildId, userId)
        : as === "mentor"
          ? index.sentTo(guildId, userId)
          : index.involving(guildId, userId);
    const withdrawn: InterviewRequest[] = [];
    for (const request of requests) {
      if (!isOpen(request.state)) continue;
      const tell = request.seekerId === userId ? "tell-librarian-withdrawn" : "tell-seeker-withdrawn";
      const result = await this.#records.apply(guildId, request.id, { type: "withdraw" }, (closed) =>
        owing(closed, tell),
      );
      if (result.changed) withdrawn.push(result.request);
    }
    const others = withdrawn.map((r) => (r.seekerId === userId ? r.mentorId : r.seekerId));
    return { withdrawn, notify: [...new Set(others)] };
  }

  /**
   * Everything kept about the user in this guild. Blocks of them, feedback about them and reports
   * about them are left out: showing those would reveal a block, a seeker's private rating or who
   * reported them (a reporter is told the other person is not).
   */
  exportFor(guildId: string, userId: string): RequestExport {
    const { index } = this.#records;
    const now = this.#clock();
    const stop = this.#stops.of(guildId, userId);
    return {
      guildId,
      userId,
      requestsSent: index.sentBy(guildId, userId).sort(newestFirst),
      requestsReceived: index
        .sentTo(guildId, userId)
        .sort(newestFirst)
        .map(({ feedback: _private, ...request }) => request),
      blocksMade: this.#blocks.madeBy(guildId, userId).map((block) => ({
        seekerId: block.seekerId,
        seekerName: this.#blocks.nameOf(block) ?? null,
        createdAt: block.createdAt,
      })),
      keptToProtectYou: {
        blocksOfDeletedAccounts: this.#safety
          .blocksBy(guildId, userId)
          .map(({ createdAt }) => ({ createdAt })),
        waitsOfDeletedAccounts: this.#safety
          .cooldownsFor(guildId, userId, now)
          .map(({ liftsAt }) => ({ liftsAt })),
      },
      reportsMade: this.#reports.madeBy(guildId, userId).map((report) => ({
        requestId: report.requestId,
        side: report.reporterSide,
        reportedId: report.reportedId ?? null,
        reason: report.reason ?? null,
        createdAt: report.createdAt,
      })),
      askingStopped: stop
        ? { since: stop.stoppedAt, ...(stop.until === undefined ? {} : { until: stop.until }) }
        : null,
      keptAfterDeletion: KEPT_AFTER_DELETION,
      notShown: NOT_SHOWN,
    };
  }

  /** How many requests in a row the user, as a librarian, let expire (kept to pause them at the limit). */
  unansweredInARow(guildId: string, userId: string): Promise<number> {
    return this.#streaks.count(guildId, userId);
  }

  /**
   * Deletes the user's part as a librarian: the requests sent to them (with the seekers' ratings),
   * their blocks, what was kept to protect them and their expiry count. Reports they made or that
   * name them as a librarian are kept for the moderators under a one-way code of their id (see
   * {@link RequestReports.keepWithoutIdOf}). Requests they sent stay.
   * Call {@link withdrawAllFor} first so the seekers can be told.
   */
  async deleteAsMentor(guildId: string, userId: string): Promise<{ requests: number; blocks: number }> {
    const requests = this.#records.index.sentTo(guildId, userId);
    for (const request of requests) await this.#records.delete(guildId, request.id);
    // After the requests go, so that no report of one can be filed after this.
    await this.#reports.keepWithoutIdOf(guildId, userId, "librarian");
    const blocks =
      (await this.#blocks.deleteMadeBy(guildId, userId)) +
      (await this.#safety.deleteProtecting(guildId, userId));
    await this.#streaks.end(guildId, userId);
    return { requests: requests.length, blocks };
  }

  /**
   * Deletes the user's requests on either side (feedback lives in them), blocks by or of them, and
   * their expiry count. A librarian's block of them, a wait before they may ask a librarian again
   * and a moderator's stop on them are first kept as records that hold only a one-way code of their
   * id ({@link SafetyRecords}); so are the reports they made or that name them.
   * Call {@link withdrawAllFor} first so the other people can be told. `blocks` counts only
   * the user's own blocks: the others would tell them who blocked them.
   */
  async deleteAllFor(guildId: string, userId: string): Promise<{ requests: number; blocks: number }> {
    await this.#keepWhatProtectsOthers(guildId, userId);
    const sent = this.#records.index.sentBy(guildId, userId);
    for (const request of sent) await this.#records.delete(guildId, request.id);
    await this.#blocks.deleteOf(guildId, userId);
    const asMentor = await this.deleteAsMentor(guildId, userId);
    await this.#reports.keepWithoutIdOf(guildId, userId);
    return { requests: sent.length + asMentor.requests, blocks: asMentor.blocks };
  }

  async #keepWhatProtectsOthers(guildId: string, seekerId: string): Promise<void> {
    await this.#stops.keepOf(guildId, seekerId);
    for (const block of this.#blocks.of(guildId, seekerId))
      await this.#safety.keepBlock(guildId, block.mentorId, seekerId, block.createdAt);
    const byMentor = new Map<string, InterviewRequest[]>();
    for (const request of this.#records.index.sentBy(guildId, seekerId)) {
      // A request still open is being withdrawn with the rest.
      const closed: InterviewRequest = isOpen(request.state) ? { ...request, state: "withdrawn" } : request;
      byMentor.set(request.mentorId, [...(byMentor.get(request.mentorId) ?? []), closed]);
    }
    const days = this.#settings.get(guildId).sameMentorCooldownDays;
    const now = this.#clock();
    for (const [mentorId, toMentor] of byMentor) {
      const limit = repeatLimit(toMentor, days, now);
      if (limit?.kind === "cooldown") await this.#safety.keepCooldown(guildId, mentorId, seekerId, limit);
    }
  }
}
