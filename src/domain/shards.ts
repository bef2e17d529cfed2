/** The shard that receives a guild's events, as Discord assigns them: `(guild_id >> 22) % count`. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** Whether this process serves a guild: the guild's work (timers, feed polls, views) runs only where this is true. */
export type ServesGuild = (guildId: string) => boolean;

/** Every guild, for a bot with one shard in one process (and for tests). */
export const servesEveryGuild: ServesGuild = () => true;

/** The guilds of `shardIds` out of `count` shards. */
export function servesShards(shardIds: readonly number[], count: number): ServesGuild {
  if (count <= 1) return servesEveryGuild;
  const mine = new Set(shardIds);
  return (guildId) => mine.has(shardOf(guildId, count));
}
