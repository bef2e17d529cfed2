const DISCORD_EPOCH = 1_420_070_400_000n;

/** Generates Discord-style snowflakes: timestamp-based, strictly increasing, as decimal strings. */
export class SnowflakeGenerator {
  #last = 0n;

  next(): string {
    let id = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    if (id <= this.#last) id = this.#last + 1n;
    this.#last = id;
    return id.toString();
  }

  /** Keeps generated ids above ids chosen by the caller, so "newest" ordering stays meaningful. */
  observe(id: string): void {
    if (/^\d+$/.test(id) && BigInt(id) > this.#last) this.#last = BigInt(id);
  }
}

export function snowflakeTime(id: string): Date {
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH));
}

/** The shard that receives a guild's events, as Discord routes them: `(guild_id >> 22) % count`. */
export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** A new snowflake (from now on) whose guild events go to `shard` of `count`: for tests that place a guild. */
export function snowflakeOnShard(shard: number, count: number): string {
  const timestamp = BigInt(Date.now()) - DISCORD_EPOCH;
  const aligned = timestamp - (timestamp % BigInt(count)) + BigInt(shard);
  return (aligned << 22n).toString();
}
