import type {
  AnySelectMenuInteraction,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ClientEvents,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services.js";
import type { Store } from "../store/store.js";
import type { CustomIdPrefix } from "./custom-ids.js";

export interface BotContext {
  config: Config;
  logger: Logger;
  store: Store;
  services: Services;
  /** Every loaded command, by name: /help reads it, so the list never drifts from what is registered. */
  commands: ReadonlyMap<string, Command>;
}

export type Audience = "seekers" | "librarians" | "moderators";

export interface HelpEntry {
  audience: Audience;
  usage: string;
  summary: string;
}

export type ComponentInteraction = ButtonInteraction | AnySelectMenuInteraction | ModalSubmitInteraction;

export type ComponentHandler = (
  interaction: ComponentInteraction,
  args: readonly string[],
  context: BotContext,
) => Promise<void>;

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  help: readonly HelpEntry[];
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
  /** Handlers for the buttons, menus and modals this command puts on its messages, by custom-ID prefix. */
  components?: Partial<Record<CustomIdPrefix, ComponentHandler>>;
}

export interface BotEvent<Name extends keyof ClientEvents = keyof ClientEvents> {
  name: Name;
  once?: boolean;
  execute(context: BotContext, ...args: ClientEvents[Name]): Promise<void> | void;
}
