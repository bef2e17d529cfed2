import { once } from "node:events";
import {
  type APIInteractionResponseCallbackData,
  Client,
  Events,
  GatewayIntentBits,
  type InteractionReplyOptions,
} from "discord.js";
import { type EmulatorEndpoint, emulatorClientOptions } from "./client-options.js";

export const PING_COMMAND = { name: "ping", description: "Replies with Pong" } as const;

export interface PingBot {
  client: Client<true>;
  stop(): Promise<void>;
}

export interface PingBotOptions {
  registerCommands?: boolean;
  /**
   * What to answer /ping with, as Discord receives it, instead of "Pong": benchmarks give it another
   * bot's answer, to tell the cost of sending that answer from the cost of working it out.
   */
  answer?: APIInteractionResponseCallbackData;
}

/**
 * The smallest real discord.js bot: logs in, registers /ping, answers "Pong".
 * A baseline for benchmarks and the subject of the emulator's self-test.
 */
export async function startPingBot(
  endpoint: EmulatorEndpoint & { botToken: string },
  options: PingBotOptions = {},
): Promise<PingBot> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...emulatorClientOptions(endpoint) });
  const reply = options.answer ? asReplyOptions(options.answer) : "Pong";
  client.on(Events.InteractionCreate, async (interaction) => {
    if (interaction.isChatInputCommand() && interaction.commandName === PING_COMMAND.name) {
      await interaction.reply(reply);
    }
  });
  const ready = once(client, Events.ClientReady);
  await client.login(endpoint.botToken);
  await ready;
  const readyClient = client as Client<true>;
  if (options.registerCommands !== false) await readyClient.application.commands.set([PING_COMMAND]);
  return { client: readyClient, stop: () => client.destroy() };
}

/** The answer as discord.js takes it, handed over as already-encoded JSON so it is sent unchanged. */
function asReplyOptions(answer: APIInteractionResponseCallbackData): InteractionReplyOptions {
  const encoded = <T>(value: T) => ({ toJSON: () => value });
  return {
    content: answer.content,
    embeds: answer.embeds?.map(encoded),
    components: answer.components?.map(encoded),
    flags: answer.flags as InteractionReplyOptions["flags"],
    allowedMentions: { parse: [] },
  };
}
