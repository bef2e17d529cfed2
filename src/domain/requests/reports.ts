import { guildKey, type Store } from "../../store/store.js";
import { UserError } from "../errors.js";
import { collectionOf, forgetGuild } from "../guild-versions.js";
import { characterCount, cleanText } from "../mentors/validation.js";
import type { OwedWork } from "./owed-work.js";
import type { RequestRecords } from "./records.js";
import { type InterviewRequest, REQUEST_LIMITS } from "./request.js";

/** Who reported whom: a librarian reports the seeker who asked them, a seeker the librarian they asked. */
export type ReportSide = "librarian" | "seeker";

/** What a moderator can do about a report, once: the one that fits who was reported. */
export type ReportAction = "pause-librarian" | "stop-seeker";

/**
 * One person's report of one request, stored whole under one key. When either person deletes their
 * data the report is kept for the moderators (it may protect others, and their action button on it
 * must still work), with that person's id replaced by a one-way code of it (SafetyRecords.codeOf)
 * and without the reason, which may name them; the moderators' log post has it.
 */
export interface ReportRecord {
  guildId: string;
  requestId: string;
  /** Until the reporter deletes their data; then {@link reporterCode}. */
  reporterId?: string;
  reporterCode?: string;
  /** The side the reporter was on. */
  reporterSide: ReportSide;
  /** Until the reported person deletes their data; then {@link reportedCode}. */
  reportedId?: string;
  reportedCode?: string;
  reason?: string;
  createdAt: number;
  /** The moderator action taken on it, at most one. */
  action?: { kind: ReportAction; by: string; at: number };
  /** When its post reached the moderators' log channel; until then it is owed (see `unposted`). */
  postedAt?: number;
}

/** A report as filed, before anyone deleted their data. */
export type FiledReport = ReportRecord & { reporterId: string; reportedId: string; reason: string };

export const REPORT_COLLECTION = "report";
/** `reporter` is the reporter's id, or their code once they deleted their data. */
const reportKey = (guildId: string, requestId: string, reporter: string): string =>
  guildKey(guildId, REPORT_COLLECTION, `${requestId}:${reporter}`);
const keyOf = (report: ReportRecord): string =>
  reportKey(report.guildId, report.requestId, report.reporterId ?? report.reporterCode ?? "");

/** The side `userId` is on in the request; only its librarian and its seeker can report it. */
export function reportingSide(request: InterviewRequest, userId: string): ReportSide {
  if (request.mentorId === userId) return "librarian";
  if (request.seekerId === userId) return "seeker";
  throw new UserError("Only the two people in this request can report it.");
}

/** The action that fits a report: a seeker's report pauses the librarian, a librarian's stops the seeker. */
export const actionFor = (side: ReportSide): ReportAction =>
  side === "seeker" ? "pause-librarian" : "stop-seeker";

/** The reason as typed, cleaned; a {@link UserError} when empty or too long. */
export function validReportReason(raw: string): string {
  const reason = cleanText(raw);
  const length = characterCount(reason);
  if (length === 0) throw new UserError("Please say what happened, so the moderators know what to look at.");
  if (length > REQUEST_LIMITS.reportReason)
    throw new UserError(`The reason is ${length} characters; the limit is ${REQUEST_LIMITS.reportReason}.`);
  return reason;
}

/** Reports of requests: one per person per request, each with at most one moderator action. */
export class RequestReports {
  readonly #store: Store;
  readonly #records: RequestRecords;
  readonly #clock: () => number;
  readonly #codeOf: (guildId: string, userId: string) => string;
  readonly #owed: OwedWork | undefined;
  /** The loaded guilds' reports by their store keys, for exports and deletions. */
  readonly #reports = new Map<string, ReportRecord>();

  /** `codeOf` is SafetyRecords.codeOf: the one-way code that stands for someone who deleted their data. */
  constructor(
    store: Store,
    records: RequestRecords,
    clock: () => number,
    codeOf: (guildId: string, userId: string) => string,
    owed?: OwedWork,
  ) {
    this.#store = store;
    this.#records = records;
    this.#clock = clock;
    this.#codeOf = codeOf;
    this.#owed = owed;
  }

  /** Reads one guild's reports from the store (every guild's without `guildId`), replacing those held. */
  async load(guildId?: string): Promise<void> {
    const reports: [string, ReportRecord][] = [];
    for await (const entry of this.#store.entries<ReportRecord>(collectionOf(REPORT_COLLECTION, guildId)))
      reports.push(entry);
    forgetGuild(this.#reports, guildId);
    for (const [key, report] of reports) this.#reports.set(key, report);
  }

  get(guildId: string, requestId: string, reporterId: string): ReportRecord | undefined {
    return this.#reports.get(reportKey(guildId, requestId, reporterId));
  }

  /** The reports `userId` made, while they have their data here. */
  madeBy(guildId: string, userId: string): ReportRecord[] {
    return this.#inGuild(guildId).filter((report) => report.reporterId === userId);
  }

  /**
   * Files `reporterId`'s report of the request. `created` is false when they had reported it
   * already: the first report stays as it was.
   */
  async file(
    guildId: string,
    requestId: string,
    reporterId: string,
    rawReason: string,
  ): Promise<{ report: FiledReport; created: boolean }> {
    const request = this.#records.require(guildId, requestId);
    const side = reportingSide(request, reporterId);
    const reason = validReportReason(rawReason);
    const report: FiledReport = {
      guildId,
      requestId,
      reporterId,
      reporterSide: side,
      reportedId: side === "librarian" ? request.seekerId : request.mentorId,
      reason,
      createdAt: this.#clock(),
    };
    let created = false;
    const saved = await this.#store.update<FiledReport>(keyOf(report), (current) => {
      created = current === undefined;
      return current ?? report;
    });
    this.#reports.set(keyOf(report), saved ?? report);
    // Owed until posted: a restart finds the guild by this mark.
    if (created) await this.#owed?.mark(guildId);
    return { report: saved ?? report, created };
  }

  /** The report's post reached the moderators. */
  async markPosted(report: FiledReport): Promise<void> {
    const key = keyOf(report);
    const saved = await this.#store.update<ReportRecord>(key, (current) =>
      current ? { ...current, postedAt: current.postedAt ?? this.#clock() } : current,
    );
    if (saved) this.#reports.set(key, saved);
  }

  /** The guild's reports filed whose post has not reached the moderators yet (a crash, no log channel then). */
  unposted(guildId: string): FiledReport[] {
    return this.#inGuild(guildId).filter(
      (report): report is FiledReport =>
        report.postedAt === undefined &&
        report.reporterId !== undefined &&
        report.reportedId !== undefined &&
        report.reason !== undefined,
    );
  }

  /**
   * Claims the report's moderator action for `moderatorId`. `claimed` is false when an action was
   * taken already (then `report.action` says which and by whom); the caller carries it out only
   * when it was claimed, so it happens once. `reporterId` finds the report also after the reporter
   * deleted their data.
   */
  async claimAction(
    guildId: string,
    requestId: string,
    reporterId: string,
    kind: ReportAction,
    moderatorId: string,
  ): Promise<{ report: ReportRecord; claimed: boolean }> {
    const plain = reportKey(guildId, requestId, reporterId);
    const key = this.#reports.has(plain)
      ? plain
      : reportKey(guildId, requestId, this.#codeOf(guildId, reporterId));
    let claimed = false;
    const saved = await this.#store.update<ReportRecord>(key, (current) => {
      if (!current) throw new UserError("This report no longer exists.");
      if (actionFor(current.reporterSide) !== kind) throw new UserError("This button no longer works.");
      if (current.action) return current;
      claimed = true;
      return { ...current, action: { kind, by: moderatorId, at: this.#clock() } };
    });
    if (!saved) throw new UserError("This report no longer exists.");
    this.#reports.set(key, saved);
    return { report: saved, claimed };
  }

  /**
   * `userId` is deleting their data: in each report they made or that names them, their id becomes
   * its code and the reason goes. With `side`, only the reports where they were on that side
   * (a librarian leaving the directory). Resolves to how many reports changed.
   */
  async keepWithoutIdOf(guildId: string, userId: string, side?: ReportSide): Promise<number> {
    const code = this.#codeOf(guildId, userId);
    let changed = 0;
    for (const [key, report] of [...this.#reports]) {
      if (report.guildId !== guildId) continue;
      const made = report.reporterId === userId && (!side || report.reporterSide === side);
      const named = report.reportedId === userId && (!side || report.reporterSide !== side);
      if (!made && !named) continue;
      if (named) {
        const saved = await this.#store.update<ReportRecord>(
          key,
          (stored) => stored && reportedGone(stored, code),
        );
        if (saved) this.#reports.set(key, saved);
      } else {
        // Under a new key, as the key held the reporter's id. A moderator's click meanwhile waits
        // for this on the old key; the action it claimed moves with the report.
        let moved: ReportRecord | undefined;
        await this.#store.update<ReportRecord>(key, (stored) => {
          moved = stored;
          return undefined;
        });
        this.#reports.delete(key);
        if (moved) {
          const kept = reporterGone(moved, code);
          await this.#store.set(keyOf(kept), kept);
          this.#reports.set(keyOf(kept), kept);
        }
      }
      changed++;
    }
    return changed;
  }

  #inGuild(guildId: string): ReportRecord[] {
    return [...this.#reports.values()]
      .filter((report) => report.guildId === guildId)
      .sort((a, b) => a.createdAt - b.createdAt);
  }
}

const reporterGone = (
  { reporterId: _id, reason: _words, ...rest }: ReportRecord,
  code: string,
): ReportRecord => ({
  ...rest,
  reporterCode: code,
});

const reportedGone = (
  { reportedId: _id, reason: _words, ...rest }: ReportRecord,
  code: string,
): ReportRecord => ({
  ...rest,
  reportedCode: code,
});
