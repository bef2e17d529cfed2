import { once } from "node:events";
import { Client, Events, GatewayIntentBits } from "discord.js";
import { type EmulatorEndpoint, emulatorClientOptions } from "./client-options.js";

export const PING_COMMAND = { name: "ping", description: "Replies with Pong" } as const;

export interface PingBot {
  client: Client<true>;
  stop(): Promise<void>;
}

/**
 * The smallest real discord.js bot: logs in, registers /ping, answers "Pong".
 * A baseline for benchmarks and the subject of the emulator's self-test.
 */
export async function startPingBot(
  endpoint: EmulatorEndpoint & { botToken: string },
  options: { registerCommands?: boolean } = {},
): Promise<PingBot> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...emulatorClientOptions(endpoint) });
  client.on(Events.InteractionCreate, async (interaction) => {
    if (interaction.isChatInputCommand() && interaction.commandName === PING_COMMAND.name) {
      await interaction.reply("Pong");
    }
  });
  const ready = once(client, Events.ClientReady);
  await client.login(endpoint.botToken);
  await ready;
  const readyClient = client as Client<true>;
  if (options.registerCommands !== false) await readyClient.application.commands.set([PING_COMMAND]);
  return { client: readyClient, stop: () => client.destroy() };
}
