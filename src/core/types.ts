import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Client,
  ClientEvents,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from "discord.js";
import type { Config } from "../config.js";
import type { InterviewRequest, RequestEffect } from "../domain/requests/index.js";
import type { ShardSet } from "../domain/shards.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services.js";
import type { Store } from "../store/store.js";
import type { ComponentKind, CUSTOM_ID_KINDS, CustomIdPrefix } from "./custom-ids.js";

export interface BotContext {
  config: Config;
  logger: Logger;
  store: Store;
  services: Services;
  /** Every loaded command, by name: /help reads it, so the list never drifts from what is registered. */
  commands: ReadonlyMap<string, Command>;
  /**
   * What each owed effect of a request does on Discord, from every feature that owes some (requests,
   * meetings). Composed in bot.ts, so a feature built on requests adds its effects without the
   * requests side importing it.
   */
  effects: Readonly<Record<RequestEffect, EffectHandler>>;
  /** The shards this process serves (all guilds with one shard); see {@link serves}. */
  shards: () => ShardSet;
}

/** Carries out one owed effect; safe to run again after a crash (checks and message nonces). */
export type EffectHandler = (
  client: Client,
  context: BotContext,
  request: InterviewRequest,
) => Promise<unknown>;

export type Audience = "seekers" | "librarians" | "moderators";

export interface HelpEntry {
  audience: Audience;
  usage: string;
  summary: string;
}

export interface ComponentInteractions {
  button: ButtonInteraction;
  select: StringSelectMenuInteraction;
  modal: ModalSubmitInteraction;
}

export type ComponentInteraction = ComponentInteractions[ComponentKind];

export type ComponentHandler<Kind extends ComponentKind = ComponentKind> = (
  interaction: ComponentInteractions[Kind],
  args: readonly string[],
  context: BotContext,
) => Promise<void>;

/** One handler per custom-ID prefix, given the kind of interaction that prefix is declared for. */
export type ComponentHandlers = {
  [Prefix in CustomIdPrefix]?: ComponentHandler<(typeof CUSTOM_ID_KINDS)[Prefix]>;
};

export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  help: readonly HelpEntry[];
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
  /** Handlers for the buttons, menus and modals this command puts on its messages, by custom-ID prefix. */
  components?: ComponentHandlers;
  /**
   * False when neither the command nor its components read anything stored about the server (its
   * librarians, requests or settings), so the router need not bring that up to date first.
   */
  readsServerData?: boolean;
}

export interface BotEvent<Name extends keyof ClientEvents = keyof ClientEvents> {
  name: Name;
  once?: boolean;
  execute(context: BotContext, ...args: ClientEvents[Name]): Promise<void> | void;
}
