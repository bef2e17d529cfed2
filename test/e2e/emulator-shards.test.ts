import { once } from "node:events";
import { Client, Events, GatewayIntentBits, type Interaction } from "discord.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PING_COMMAND } from "../../emulator/bare-ping-bot.js";
import {
  DiscordEmulator,
  emulatorClientOptions,
  shardOfGuild,
  snowflakeOnShard,
} from "../../emulator/index.js";

let emulator: DiscordEmulator;
const clients: Client<true>[] = [];
/** The interactions each shard's client received, by shard id. */
const received: Interaction[][] = [[], []];
let onShard0: ReturnType<DiscordEmulator["seedDefaultGuild"]>;
let onShard1: ReturnType<DiscordEmulator["seedDefaultGuild"]>;

async function startShard(shard: number): Promise<Client<true>> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    shards: [shard],
    shardCount: 2,
    ...emulatorClientOptions(emulator),
  });
  client.on(Events.InteractionCreate, async (interaction) => {
    received[shard]?.push(interaction);
    if (interaction.isChatInputCommand()) await interaction.reply(`Pong from shard ${shard}`);
  });
  const ready = once(client, Events.ClientReady);
  await client.login(emulator.botToken);
  await ready;
  return client as Client<true>;
}

beforeAll(async () => {
  emulator = await DiscordEmulator.start({ shards: 2 });
  onShard0 = emulator.seedDefaultGuild("Shard zero library", snowflakeOnShard(0, 2));
  onShard1 = emulator.seedDefaultGuild("Shard one library", snowflakeOnShard(1, 2));
  clients.push(await startShard(0), await startShard(1));
  await clients[0]?.application.commands.set([PING_COMMAND]);
});

afterAll(async () => {
  for (const client of clients) await client.destroy();
  await emulator?.stop();
});

describe("the emulator with two shards", () => {
  it("recommends its shard count in GET /gateway/bot", async () => {
    const response = await fetch(`${emulator.apiUrl}/v10/gateway/bot`, {
      headers: { authorization: `Bot ${emulator.botToken}` },
    });
    expect(((await response.json()) as { shards: number }).shards).toBe(2);
  });

  it("takes each IDENTIFY's [shard, count] and gives each shard only its own guilds", () => {
    expect(shardOfGuild(onShard0.guildId, 2)).toBe(0);
    expect(shardOfGuild(onShard1.guildId, 2)).toBe(1);
    expect(emulator.gatewaySessions.map((session) => session.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect([...(clients[0]?.guilds.cache.keys() ?? [])]).toEqual([onShard0.guildId]);
    expect([...(clients[1]?.guilds.cache.keys() ?? [])]).toEqual([onShard1.guildId]);
  });

  it("sends a server's interactions to the shard serving it, and DMs to shard 0", async () => {
    const inShard1 = emulator.as(onShard1.members.seeker, { guildId: onShard1.guildId }).command("ping");
    expect((await inShard1.reply()).content).toBe("Pong from shard 1");
    const inShard0 = emulator.as(onShard0.members.seeker, { guildId: onShard0.guildId }).command("ping");
    expect((await inShard0.reply()).content).toBe("Pong from shard 0");
    // The seeker of the shard-1 server, in their DM with the bot.
    const inDm = emulator.as(onShard1.members.seeker).command("ping");
    expect((await inDm.reply()).content).toBe("Pong from shard 0");
    expect(received[0]?.map((interaction) => interaction.guildId)).toEqual([onShard0.guildId, null]);
    expect(received[1]?.map((interaction) => interaction.guildId)).toEqual([onShard1.guildId]);
  });

  it("sends a new guild and its channels only to the shard that serves it", async () => {
    const guild = emulator.addGuild({ id: snowflakeOnShard(1, 2), name: "Added later" });
    const channel = emulator.addChannel(guild.id, { name: "general" });
    await vi.waitFor(() => expect(clients[1]?.channels.cache.has(channel.id)).toBe(true));
    expect(clients[0]?.guilds.cache.has(guild.id)).toBe(false);
    expect(clients[0]?.channels.cache.has(channel.id)).toBe(false);
  });

  it("closes an IDENTIFY whose shard id is not below its count with 4010", async () => {
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      shards: [2],
      shardCount: 2,
      ...emulatorClientOptions(emulator),
    });
    try {
      await expect(client.login(emulator.botToken)).rejects.toThrow();
    } finally {
      await client.destroy();
    }
  });
});
