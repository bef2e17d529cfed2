import { createHmac, randomBytes } from "node:crypto";
import { guildKey, type Store } from "../../store/store.js";
import { collectionOf, forgetGuild } from "../guild-versions.js";
import type { RequestLimit } from "./refusal.js";

/**
 * What stays after a seeker deletes their data, because it protects a librarian: that librarian's
 * block of them, and the pause before they may ask that librarian again. Each record holds the
 * librarian's id and a one-way code of the seeker's id ({@link SafetyRecords.codeOf}), nothing else
 * of the seeker's. When the same account asks again, its id gives the same code and the record applies.
 */
export interface SafetyBlock {
  guildId: string;
  mentorId: string;
  seekerCode: string;
  createdAt: number;
}

export interface SafetyCooldown {
  guildId: string;
  mentorId: string;
  seekerCode: string;
  askedAt: number;
  days: number;
  liftsAt: number;
}

export const SAFETY_BLOCK_COLLECTION = "safety-block";
export const SAFETY_COOLDOWN_COLLECTION = "safety-cooldown";
/** One random key per install, made on first start; it never leaves the store. */
const SECRET_KEY = "install/safety-code-secret";

const recordId = (guildId: string, mentorId: string, seekerCode: string): string =>
  `${guildId}/${mentorId}/${seekerCode}`;
const blockKey = (r: SafetyBlock): string =>
  guildKey(r.guildId, SAFETY_BLOCK_COLLECTION, `${r.mentorId}:${r.seekerCode}`);
const cooldownKey = (r: SafetyCooldown): string =>
  guildKey(r.guildId, SAFETY_COOLDOWN_COLLECTION, `${r.mentorId}:${r.seekerCode}`);

export class SafetyRecords {
  readonly #store: Store;
  readonly #clock: () => number;
  readonly #blocks = new Map<string, SafetyBlock>();
  readonly #cooldowns = new Map<string, SafetyCooldown>();
  #secret: string | undefined;

  constructor(store: Store, clock: () => number) {
    this.#store = store;
    this.#clock = clock;
  }

  /**
   * Reads the install's secret (making it the first time), then one guild's records (every guild's
   * without `guildId`), replacing those held.
   */
  async load(guildId?: string): Promise<void> {
    this.#secret ??= await this.#store.update<string>(
      SECRET_KEY,
      (current) => current ?? randomBytes(32).toString("hex"),
    );
    const blocks: SafetyBlock[] = [];
    for await (const [, block] of this.#store.entries<SafetyBlock>(
      collectionOf(SAFETY_BLOCK_COLLECTION, guildId),
    ))
      blocks.push(block);
    const cooldowns: SafetyCooldown[] = [];
    for await (const [, cooldown] of this.#store.entries<SafetyCooldown>(
      collectionOf(SAFETY_COOLDOWN_COLLECTION, guildId),
    ))
      cooldowns.push(cooldown);
    forgetGuild(this.#blocks, guildId);
    forgetGuild(this.#cooldowns, guildId);
    for (const block of blocks)
      this.#blocks.set(recordId(block.guildId, block.mentorId, block.seekerCode), block);
    const now = this.#clock();
    for (const cooldown of cooldowns)
      if (cooldown.liftsAt > now)
        this.#cooldowns.set(recordId(cooldown.guildId, cooldown.mentorId, cooldown.seekerCode), cooldown);
  }

  /**
   * HMAC-SHA-256 of guild and user id, keyed with the install's secret. Not a plain SHA-256: Discord
   * ids are public and few enough to try them all, so anyone holding a record (a copied row, a
   * backup of one table) could match a plain hash to a member; without the secret they cannot. The
   * bot itself must be able to recognize the account again, so whoever holds the whole store can too.
   */
  codeOf(guildId: string, userId: string): string {
    if (this.#secret === undefined) throw new Error("SafetyRecords.load() has not run");
    return createHmac("sha256", this.#secret).update(`${guildId}/${userId}`).digest("hex");
  }

  any(): boolean {
    return this.#blocks.size > 0 || this.#cooldowns.size > 0;
  }

  /** Keeps a librarian's block of a seeker who is deleting their data. */
  async keepBlock(guildId: string, mentorId: string, seekerId: string, createdAt: number): Promise<void> {
    const block: SafetyBlock = { guildId, mentorId, seekerCode: this.codeOf(guildId, seekerId), createdAt };
    await this.#store.update<SafetyBlock>(blockKey(block), (current) => current ?? block);
    this.#blocks.set(recordId(guildId, mentorId, block.seekerCode), block);
  }

  /** Keeps the pause before a seeker who is deleting their data may ask this librarian again. */
  async keepCooldown(
    guildId: string,
    mentorId: string,
    seekerId: string,
    limit: { askedAt: number; days: number; liftsAt: number },
  ): Promise<void> {
    const cooldown: SafetyCooldown = {
      guildId,
      mentorId,
      seekerCode: this.codeOf(guildId, seekerId),
      ...limit,
    };
    // The store drops it when the pause ends; the setting may change meanwhile, but the pause was promised.
    await this.#store.set(cooldownKey(cooldown), cooldown, Math.max(1, limit.liftsAt - this.#clock()));
    this.#cooldowns.set(recordId(guildId, mentorId, cooldown.seekerCode), cooldown);
  }

  /** What a kept record says about this seeker asking this librarian now, if anything. */
  limitFor(guildId: string, seekerId: string, mentorId: string, now: number): RequestLimit | undefined {
    if (!this.any()) return undefined;
    return this.#limit(guildId, this.codeOf(guildId, seekerId), mentorId, now);
  }

  /** {@link limitFor} for many librarians, with the seeker's code worked out once (for search). */
  limitsFor(guildId: string, seekerId: string, now: number): (mentorId: string) => boolean {
    if (!this.any()) return () => false;
    const code = this.codeOf(guildId, seekerId);
    return (mentorId) => this.#limit(guildId, code, mentorId, now) !== undefined;
  }

  /** The kept blocks a librarian made, oldest first. */
  blocksBy(guildId: string, mentorId: string): SafetyBlock[] {
    return [...this.#blocks.values()]
      .filter((block) => block.guildId === guildId && block.mentorId === mentorId)
      .sort((a, b) => a.createdAt - b.createdAt || a.seekerCode.localeCompare(b.seekerCode));
  }

  /** The kept pauses protecting a librarian. */
  cooldownsFor(guildId: string, mentorId: string, now: number): SafetyCooldown[] {
    return [...this.#cooldowns.values()].filter(
      (cooldown) => cooldown.guildId === guildId && cooldown.mentorId === mentorId && cooldown.liftsAt > now,
    );
  }

  /** The librarian lifts a kept block; false if there was none. */
  async liftBlock(guildId: string, mentorId: string, seekerCode: string): Promise<boolean> {
    const block = this.#blocks.get(recordId(guildId, mentorId, seekerCode));
    if (!block) return false;
    await this.#store.delete(blockKey(block));
    this.#blocks.delete(recordId(guildId, mentorId, seekerCode));
    return true;
  }

  /** The librarian is deleting their data: what protected them goes too. Resolves to how many blocks there were. */
  async deleteProtecting(guildId: string, mentorId: string): Promise<number> {
    const blocks = this.blocksBy(guildId, mentorId);
    for (const block of blocks) await this.liftBlock(guildId, mentorId, block.seekerCode);
    for (const cooldown of [...this.#cooldowns.values()]) {
      if (cooldown.guildId !== guildId || cooldown.mentorId !== mentorId) continue;
      await this.#store.delete(cooldownKey(cooldown));
      this.#cooldowns.delete(recordId(guildId, mentorId, cooldown.seekerCode));
    }
    return blocks.length;
  }

  #limit(guildId: string, code: string, mentorId: string, now: number): RequestLimit | undefined {
    const id = recordId(guildId, mentorId, code);
    if (this.#blocks.has(id)) return { kind: "not-taking-requests" };
    const cooldown = this.#cooldowns.get(id);
    if (!cooldown || cooldown.liftsAt <= now) return undefined;
    return { kind: "cooldown", askedAt: cooldown.askedAt, days: cooldown.days, liftsAt: cooldown.liftsAt };
  }
}
