import { guildKey, type Store } from "../../store/store.js";
import { UserError } from "../errors.js";
import { characterCount, cleanText } from "../mentors/validation.js";
import type { RequestRecords } from "./records.js";
import { type InterviewRequest, REQUEST_LIMITS } from "./request.js";

/** Who reported whom: a librarian reports the seeker who asked them, a seeker the librarian they asked. */
export type ReportSide = "librarian" | "seeker";

/** What a moderator can do about a report, once: the one that fits who was reported. */
export type ReportAction = "pause-librarian" | "stop-seeker";

/** One person's report of one request, stored whole under one key. */
export interface ReportRecord {
  guildId: string;
  requestId: string;
  reporterId: string;
  /** The side the reporter was on. */
  reporterSide: ReportSide;
  reportedId: string;
  reason: string;
  createdAt: number;
  /** The moderator action taken on it, at most one. */
  action?: { kind: ReportAction; by: string; at: number };
}

const REPORT_COLLECTION = "report";
const reportKey = (guildId: string, requestId: string, reporterId: string): string =>
  guildKey(guildId, REPORT_COLLECTION, `${requestId}:${reporterId}`);

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

  constructor(store: Store, records: RequestRecords, clock: () => number) {
    this.#store = store;
    this.#records = records;
    this.#clock = clock;
  }

  get(guildId: string, requestId: string, reporterId: string): Promise<ReportRecord | undefined> {
    return this.#store.get<ReportRecord>(reportKey(guildId, requestId, reporterId));
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
  ): Promise<{ report: ReportRecord; created: boolean }> {
    const request = this.#records.require(guildId, requestId);
    const side = reportingSide(request, reporterId);
    const reason = validReportReason(rawReason);
    const report: ReportRecord = {
      guildId,
      requestId,
      reporterId,
      reporterSide: side,
      reportedId: side === "librarian" ? request.seekerId : request.mentorId,
      reason,
      createdAt: this.#clock(),
    };
    let created = false;
    const saved = await this.#store.update<ReportRecord>(
      reportKey(guildId, requestId, reporterId),
      (current) => {
        created = current === undefined;
        return current ?? report;
      },
    );
    return { report: saved ?? report, created };
  }

  /**
   * Claims the report's moderator action for `moderatorId`. `claimed` is false when an action was
   * taken already (then `report.action` says which and by whom); the caller carries it out only
   * when it was claimed, so it happens once.
   */
  async claimAction(
    guildId: string,
    requestId: string,
    reporterId: string,
    kind: ReportAction,
    moderatorId: string,
  ): Promise<{ report: ReportRecord; claimed: boolean }> {
    let claimed = false;
    const saved = await this.#store.update<ReportRecord>(
      reportKey(guildId, requestId, reporterId),
      (current) => {
        if (!current) throw new UserError("This report no longer exists.");
        if (actionFor(current.reporterSide) !== kind) throw new UserError("This button no longer works.");
        if (current.action) return current;
        claimed = true;
        return { ...current, action: { kind, by: moderatorId, at: this.#clock() } };
      },
    );
    if (!saved) throw new UserError("This report no longer exists.");
    return { report: saved, claimed };
  }
}
