import type { RequestBlocks } from "./blocks.js";
import type { ExpiryStreaks } from "./expiry-streaks.js";
import type { RequestRecords } from "./records.js";
import { type InterviewRequest, isOpen, newestFirst } from "./request.js";

interface RequestExport {
  guildId: string;
  userId: string;
  requestsSent: InterviewRequest[];
  /** Without the seekers' private feedback. */
  requestsReceived: InterviewRequest[];
  blocksMade: { seekerId: string; createdAt: number }[];
}

/** A user's part in requests and blocks: exported, withdrawn or deleted when they ask, or leave. */
export class RequestPrivacy {
  readonly #records: RequestRecords;
  readonly #blocks: RequestBlocks;
  readonly #streaks: ExpiryStreaks;

  constructor(records: RequestRecords, blocks: RequestBlocks, streaks: ExpiryStreaks) {
    this.#records = records;
    this.#blocks = blocks;
    this.#streaks = streaks;
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
      const result = await this.#records.apply(guildId, request.id, { type: "withdraw" });
      if (result.changed) withdrawn.push(result.request);
    }
    const others = withdrawn.map((r) => (r.seekerId === userId ? r.mentorId : r.seekerId));
    return { withdrawn, notify: [...new Set(others)] };
  }

  /**
   * Everything kept about the user in this guild. Blocks of them and feedback about them are left
   * out: showing those would reveal a block or a seeker's private rating.
   */
  exportFor(guildId: string, userId: string): RequestExport {
    const { index } = this.#records;
    return {
      guildId,
      userId,
      requestsSent: index.sentBy(guildId, userId).sort(newestFirst),
      requestsReceived: index
        .sentTo(guildId, userId)
        .sort(newestFirst)
        .map(({ feedback: _private, ...request }) => request),
      blocksMade: this.#blocks
        .madeBy(guildId, userId)
        .map(({ seekerId, createdAt }) => ({ seekerId, createdAt })),
    };
  }

  /**
   * Deletes the user's requests on either side (feedback lives in them), blocks by or of them, and
   * their expiry count. Call {@link withdrawAllFor} first so the other people can be told.
   */
  async deleteAllFor(guildId: string, userId: string): Promise<{ requests: number; blocks: number }> {
    const requests = this.#records.index.involving(guildId, userId);
    for (const request of requests) await this.#records.delete(guildId, request.id);
    const blocks = await this.#blocks.deleteInvolving(guildId, userId);
    await this.#streaks.end(guildId, userId);
    return { requests: requests.length, blocks };
  }
}
