import { guildKey, type Store } from "../../store/store.js";
import { UserError } from "../errors.js";
import { collectionOf, forgetGuild } from "../guild-versions.js";
import { assertId } from "../ids.js";
import type { RequestRecords } from "./records.js";
import { type InterviewRequest, isOpen } from "./request.js";
import type { RequestEvent } from "./state.js";

export interface BlockRecord {
  guildId: string;
  mentorId: string;
  seekerId: string;
  createdAt: number;
}

export const BLOCK_COLLECTION = "block";
const blockKey = (guildId: string, mentorId: string, seekerId: string): string =>
  guildKey(guildId, BLOCK_COLLECTION, `${mentorId}:${seekerId}`);
const blockId = (guildId: string, mentorId: string, seekerId: string): string =>
  `${guildId}/${mentorId}/${seekerId}`;

/**
 * Librarians' blocks of seekers: they last until the librarian lifts them, and neither search nor
 * the limits show them.
 */
export class RequestBlocks {
  readonly #store: Store;
  readonly #records: RequestRecords;
  readonly #clock: () => number;
  readonly #blocks = new Map<string, BlockRecord>();

  constructor(store: Store, records: RequestRecords, clock: () => number) {
    this.#store = store;
    this.#records = records;
    this.#clock = clock;
  }

  /** Reads one guild's blocks from the store (every guild's without `guildId`), replacing those held. */
  async load(guildId?: string): Promise<void> {
    const blocks: BlockRecord[] = [];
    for await (const [, block] of this.#store.entries<BlockRecord>(collectionOf(BLOCK_COLLECTION, guildId)))
      blocks.push(block);
    forgetGuild(this.#blocks, guildId);
    for (const block of blocks)
      this.#blocks.set(blockId(block.guildId, block.mentorId, block.seekerId), block);
  }

  /** Whether anyone has blocked anyone. */
  any(): boolean {
    return this.#blocks.size > 0;
  }

  isBlocked(guildId: string, mentorId: string, seekerId: string): boolean {
    return this.#blocks.size > 0 && this.#blocks.has(blockId(guildId, mentorId, seekerId));
  }

  /** The librarian of request `id` blocks its seeker. Returns the requests this closed. */
  async blockRequester(guildId: string, id: string, actorId: string): Promise<InterviewRequest[]> {
    const request = this.#records.requireMentorOf(guildId, id, actorId);
    return this.block(guildId, request.mentorId, request.seekerId);
  }

  /**
   * The seeker can never ask this librarian again. Their open requests to the librarian are
   * declined (pending) or withdrawn (accepted); those are returned so the messages can be updated.
   */
  async block(guildId: string, mentorId: string, seekerId: string): Promise<InterviewRequest[]> {
    assertId(guildId, "guildId");
    assertId(mentorId, "mentorId");
    assertId(seekerId, "seekerId");
    if (mentorId === seekerId) throw new UserError("You can't block yourself.");
    const record: BlockRecord = { guildId, mentorId, seekerId, createdAt: this.#clock() };
    const saved = await this.#store.update<BlockRecord>(
      blockKey(guildId, mentorId, seekerId),
      (current) => current ?? record,
    );
    this.#blocks.set(blockId(guildId, mentorId, seekerId), saved ?? record);
    const closed: InterviewRequest[] = [];
    for (const request of this.#records.index.sentBy(guildId, seekerId)) {
      if (request.mentorId !== mentorId || !isOpen(request.state)) continue;
      const event: RequestEvent =
        request.state === "pending" ? { type: "decline", by: mentorId } : { type: "withdraw" };
      const result = await this.#records.apply(guildId, request.id, event);
      if (result.changed) closed.push(result.request);
    }
    return closed;
  }

  /** The blocks the librarian made, oldest first. */
  madeBy(guildId: string, mentorId: string): BlockRecord[] {
    return [...this.#blocks.values()]
      .filter((block) => block.guildId === guildId && block.mentorId === mentorId)
      .sort((a, b) => a.createdAt - b.createdAt || a.seekerId.localeCompare(b.seekerId));
  }

  /** The blocks of the seeker, by any librarian. */
  of(guildId: string, seekerId: string): BlockRecord[] {
    return [...this.#blocks.values()].filter(
      (block) => block.guildId === guildId && block.seekerId === seekerId,
    );
  }

  /**
   * The name the seeker gave on their newest request to the librarian: the bot may know them by
   * nothing else. Undefined when no request is left.
   */
  nameOf(block: BlockRecord): string | undefined {
    let newest: InterviewRequest | undefined;
    for (const request of this.#records.index.sentBy(block.guildId, block.seekerId))
      if (request.mentorId === block.mentorId && (!newest || request.createdAt > newest.createdAt))
        newest = request;
    return newest?.seekerName;
  }

  /** The librarian lifts their block; false if there was none. */
  async unblock(guildId: string, mentorId: string, seekerId: string): Promise<boolean> {
    const id = blockId(guildId, mentorId, seekerId);
    if (!this.#blocks.has(id)) return false;
    await this.#store.delete(blockKey(guildId, mentorId, seekerId));
    this.#blocks.delete(id);
    return true;
  }

  /** Deletes the blocks the librarian made; resolves to how many there were. */
  async deleteMadeBy(guildId: string, mentorId: string): Promise<number> {
    const blocks = this.madeBy(guildId, mentorId);
    for (const block of blocks) await this.unblock(guildId, mentorId, block.seekerId);
    return blocks.length;
  }

  /** Deletes the blocks of the seeker (keep what protects the librarians first). */
  async deleteOf(guildId: string, seekerId: string): Promise<void> {
    for (const block of this.of(guildId, seekerId)) await this.unblock(guildId, block.mentorId, seekerId);
  }
}
