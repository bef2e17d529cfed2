import { UserError } from "../errors.js";
import { DEFAULT_MEETING_MINUTES } from "../requests/meeting.js";
import { GONE } from "../requests/messages.js";
import type { RequestRecords } from "../requests/records.js";
import type { InterviewRequest } from "../requests/request.js";
import { type AgendaGroup, agendaGroups, questionsAt, withSelection } from "./agenda.js";
import type { AgendaDraft, AgendaDrafts } from "./drafts.js";

/** What the builder shows: the request, its checklist by topic, and the picks so far. */
export interface AgendaView {
  request: InterviewRequest;
  groups: AgendaGroup[];
  draft: AgendaDraft;
  meetingMinutes: number;
}

export type PostPlan =
  /** Post `picks` with `nonce`; `update` when an earlier agenda was posted. */
  | { kind: "post"; view: AgendaView; picks: string[]; nonce: string; update: boolean }
  /** These very picks were posted already, at `postedAt`. */
  | { kind: "already-posted"; view: AgendaView; postedAt: number };

interface AgendaServiceOptions {
  drafts: AgendaDrafts;
  records: RequestRecords;
  clock: () => number;
}

export const NOT_YOUR_AGENDA_LIBRARIAN =
  "Thanks for looking! The agenda is for the person who asked to build: they'll post it here when it's ready.";
export const NOT_YOUR_AGENDA = "Only the person who asked for this interview can build its agenda.";

/**
 * The seeker's agenda for an accepted request: picks kept in a draft per request, and the time it
 * was posted saved on the request itself. Only the request's seeker may change or post it.
 */
export class AgendaService {
  readonly #drafts: AgendaDrafts;
  readonly #records: RequestRecords;
  readonly #clock: () => number;

  constructor(options: AgendaServiceOptions) {
    this.#drafts = options.drafts;
    this.#records = options.records;
    this.#clock = options.clock;
  }

  /** Forgets the picks for these requests, when they are deleted with someone's data. */
  async forget(guildId: string, requestIds: readonly string[]): Promise<void> {
    for (const requestId of requestIds) await this.#drafts.delete(guildId, requestId);
  }

  async open(guildId: string, requestId: string, userId: string): Promise<AgendaView> {
    const request = this.#requireSeeker(guildId, requestId, userId);
    return viewOf(request, await this.#drafts.get(guildId, requestId));
  }

  /** One topic's menu changed to `values`; `tooMany` when that would pass the limit (nothing changed). */
  async choose(
    guildId: string,
    requestId: string,
    userId: string,
    groupId: string,
    values: readonly string[],
  ): Promise<AgendaView & { tooMany: boolean }> {
    const request = this.#requireSeeker(guildId, requestId, userId);
    const group = agendaGroups(request.libraryType).find((each) => each.id === groupId);
    if (!group) throw new UserError("This menu no longer works. Press **Build an agenda** again.");
    const selected = questionsAt(group, values);
    let tooMany = false;
    const draft = await this.#drafts.update(guildId, requestId, (current) => {
      const selection = withSelection(current.picks, group, selected);
      tooMany = selection.tooMany;
      return { ...current, picks: selection.picks };
    });
    return { ...viewOf(request, draft), tooMany };
  }

  async clear(guildId: string, requestId: string, userId: string): Promise<AgendaView> {
    const request = this.#requireSeeker(guildId, requestId, userId);
    const draft = await this.#drafts.update(guildId, requestId, (current) => ({ ...current, picks: [] }));
    return viewOf(request, draft);
  }

  /** What Post should do: post the picks (first or updated agenda), or say they are posted already. */
  async planPost(guildId: string, requestId: string, userId: string): Promise<PostPlan> {
    const view = await this.open(guildId, requestId, userId);
    const { picks, postedPicks, posts = 0 } = view.draft;
    if (picks.length === 0) throw new UserError("Pick at least one question from the menus first.");
    const postedAt = view.request.meeting?.agendaPostedAt;
    if (postedAt !== undefined && sameList(picks, postedPicks ?? [])) {
      return { kind: "already-posted", view, postedAt };
    }
    return {
      kind: "post",
      view,
      picks,
      nonce: `agenda-${requestId}-${posts + 1}`,
      update: postedAt !== undefined,
    };
  }

  /** `picks` were posted: saved on the request (meeting.agendaPostedAt) and in the draft. */
  async recordPost(guildId: string, requestId: string, picks: readonly string[]): Promise<AgendaView> {
    const now = this.#clock();
    const request = await this.#records.update(guildId, requestId, (current) =>
      current
        ? {
            ...current,
            meeting: { minutes: DEFAULT_MEETING_MINUTES, ...current.meeting, agendaPostedAt: now },
          }
        : undefined,
    );
    if (!request) throw new UserError(GONE);
    const draft = await this.#drafts.update(guildId, requestId, (current) => ({
      ...current,
      posts: (current.posts ?? 0) + 1,
      postedPicks: [...picks],
    }));
    return viewOf(request, draft);
  }

  #requireSeeker(guildId: string, requestId: string, userId: string): InterviewRequest {
    const request = this.#records.require(guildId, requestId);
    if (request.seekerId !== userId) {
      throw new UserError(request.mentorId === userId ? NOT_YOUR_AGENDA_LIBRARIAN : NOT_YOUR_AGENDA);
    }
    if (request.state === "met") throw new UserError("You have met already, so this agenda is done.");
    if (request.state !== "accepted") {
      throw new UserError("This interview is no longer arranged, so there is no agenda to build.");
    }
    return request;
  }
}

const viewOf = (request: InterviewRequest, draft: AgendaDraft): AgendaView => ({
  request,
  groups: agendaGroups(request.libraryType),
  draft,
  meetingMinutes: request.meeting?.minutes ?? DEFAULT_MEETING_MINUTES,
});

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((item, i) => item === b[i]);
