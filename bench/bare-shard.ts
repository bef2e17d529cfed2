// One shard of the bare discord.js bot, in a process started by bench/bare-shards.ts's ShardingManager,
// which sets SHARDS, SHARD_COUNT and DISCORD_TOKEN; the Client reads the first two itself.
import { Client, Events, GatewayIntentBits } from "discord.js";

const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: process.env.DISCORD_API_URL },
});
client.on(Events.InteractionCreate, async (interaction) => {
  if (interaction.isChatInputCommand() && interaction.commandName === "ping") await interaction.reply("Pong");
});
await client.login(process.env.DISCORD_TOKEN);
