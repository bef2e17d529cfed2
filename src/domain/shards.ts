/** The shard that receives a guild's events, as Discord assigns them: `(guild_id >> 22) % count`. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/**
 * The shards one process serves out of all of them. A guild's work (its timers, its feed polls,
 * what start-up still owes its members) runs only in the process that serves the guild's shard.
 */
export interface ShardSet {
  readonly count: number;
  readonly ids: readonly number[];
}

/** One shard in one process: every guild. */
export const EVERY_SHARD: ShardSet = { count: 1, ids: [0] };

export function serves(shards: ShardSet, guildId: string): boolean {
  return shards.count <= 1 || shards.ids.includes(shardOf(guildId, shards.count));
}
