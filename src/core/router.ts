import type { AutocompleteInteraction, Interaction, RepliableInteraction } from "discord.js";
import { isUserError, ValidationError } from "../domain/errors.js";
import { type ComponentKind, CUSTOM_ID_KINDS, GUILD_ARGUMENT, parseCustomId } from "./custom-ids.js";
import { genericErrorMessage, newErrorId } from "./errors.js";
import { respond } from "./respond.js";
import { safeText } from "./safe-text.js";
import type { BotContext, ComponentHandler, ComponentInteraction } from "./types.js";

export type InteractionRouter = (interaction: Interaction) => Promise<void>;

/** Sends each interaction to its command, or by custom-ID prefix to the component handler that owns it. */
export function createRouter(context: BotContext): InteractionRouter {
  const componentHandlers = new Map<string, ComponentHandler>();
  /** The prefixes whose handlers read nothing stored about the server. */
  const noServerData = new Set<string>();
  for (const command of context.commands.values()) {
    for (const [prefix, handler] of Object.entries(command.components ?? {})) {
      if (componentHandlers.has(prefix)) throw new Error(`Two commands handle custom-ID prefix ${prefix}`);
      // Called only after the interaction's kind is checked against the prefix's declared kind.
      componentHandlers.set(prefix, handler as ComponentHandler);
      if (command.readsServerData === false) noServerData.add(prefix);
    }
  }

  return async (interaction) => {
    if (interaction.isAutocomplete()) return autocomplete(interaction, context);
    if (interaction.isChatInputCommand()) {
      const command = context.commands.get(interaction.commandName);
      return run(interaction, context, `/${interaction.commandName}`, async () => {
        if (!command) return respondUnknown(interaction);
        if (command.readsServerData !== false) await syncGuild(interaction, context);
        await command.execute(interaction, context);
      });
    }
    if (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit()) {
      const parsed = parseCustomId(interaction.customId);
      const handler = parsed && componentHandlers.get(parsed.prefix);
      return run(interaction, context, interaction.customId, async () => {
        if (!parsed || !handler) return respondUnknown(interaction);
        const expected = CUSTOM_ID_KINDS[parsed.prefix];
        if (kindOf(interaction) !== expected) {
          throw new Error(
            `${parsed.prefix} is handled as a ${expected}, but came from a ${kindOf(interaction)}`,
          );
        }
        const at = GUILD_ARGUMENT[parsed.prefix];
        if (!noServerData.has(parsed.prefix))
          await syncGuild(interaction, context, at === undefined ? undefined : parsed.args[at]);
        await handler(interaction, parsed.args, context);
      });
    }
  };
}

/**
 * Brings the guild the interaction acts on up to date before its handler reads it: the server it
 * came from or, in a DM, the guild its custom ID names (see GUILD_ARGUMENT). When the store cannot
 * be read, the handler still runs, on what this process loaded before: commands that need no
 * stored data keep working, and the others fail at their own store calls.
 */
async function syncGuild(
  interaction: RepliableInteraction,
  context: BotContext,
  named?: string,
): Promise<void> {
  const guildId = interaction.guildId ?? (named && SNOWFLAKE.test(named) ? named : undefined);
  if (!guildId) return;
  await context.services.syncGuild(guildId).catch((error: unknown) => {
    context.logger.error({ err: error, guildId }, "could not bring the server's data up to date");
  });
}

const SNOWFLAKE = /^\d{1,20}$/;

async function run(
  interaction: RepliableInteraction,
  context: BotContext,
  label: string,
  handle: () => Promise<void>,
): Promise<void> {
  try {
    await handle();
    if (!interaction.replied && !interaction.deferred)
      throw new Error("the handler finished without answering");
  } catch (error) {
    await answerError(interaction, context, label, error);
  }
}

async function answerError(
  interaction: RepliableInteraction,
  context: BotContext,
  label: string,
  error: unknown,
): Promise<void> {
  let content: string;
  if (isUserError(error)) {
    // A ValidationError comes from the domain in plain words and may quote what someone typed.
    content = error instanceof ValidationError ? safeText(error.message) : error.message;
  } else {
    const errorId = newErrorId();
    context.logger.error(
      { err: error, errorId, handler: label, userId: interaction.user.id, guildId: interaction.guildId },
      "interaction failed",
    );
    content = genericErrorMessage(errorId);
  }
  try {
    await respond(interaction, { content, ephemeral: true });
  } catch (replyError) {
    context.logger.error({ err: replyError, handler: label }, "could not send the error message");
  }
}

async function autocomplete(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const command = context.commands.get(interaction.commandName);
  try {
    if (!command?.autocomplete) throw new Error(`/${interaction.commandName} has no autocomplete`);
    await command.autocomplete(interaction, context);
  } catch (error) {
    context.logger.error({ err: error, handler: `/${interaction.commandName}` }, "autocomplete failed");
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
  }
}

const kindOf = (interaction: ComponentInteraction): ComponentKind =>
  interaction.isButton() ? "button" : interaction.isModalSubmit() ? "modal" : "select";

function respondUnknown(interaction: RepliableInteraction): Promise<void> {
  return respond(interaction, {
    content: "This no longer works (the bot was updated since). Please run the command again.",
    ephemeral: true,
  });
}
