import type { Client } from "discord.js";
import type { BotContext } from "../../core/types.js";
import { serves } from "../../domain/shards.js";
import { carryOutOwed } from "./effects.js";
import { postUnpostedReports } from "./report-delivery.js";

/**
 * At start-up: what the bot told people would happen before it last stopped, and had not finished.
 * Only the guilds marked as owing something are loaded, one at a time; each is unmarked once it owes
 * nothing (unless marked again meanwhile). What fails stays owed until the next start. With several
 * shards, each process does this for the guilds it serves (DMs included).
 */
export async function finishOwedWork(client: Client, context: BotContext): Promise<void> {
  const { requests, syncGuild } = context.services;
  for (const { guildId, stamp } of await requests.owed.marked()) {
    // Another process serves it (with several shards), and finishes what it owes.
    if (!serves(context.shards(), guildId)) continue;
    try {
      await syncGuild(guildId);
      await carryOutOwed(client, context, guildId);
      await postUnpostedReports(client, context, guildId);
      await syncGuild(guildId);
      const owes =
        requests.queries.owingEffects(guildId).length > 0 || requests.reports.unposted(guildId).length > 0;
      if (!owes) await requests.owed.clear(guildId, stamp);
    } catch (error) {
      context.logger.error({ err: error, guildId }, "could not finish what a server was owed");
    }
  }
}
