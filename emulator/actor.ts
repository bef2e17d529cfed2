import { randomBytes } from "node:crypto";
import type {
  APIApplicationCommand,
  APIApplicationCommandOptionChoice,
  APIInteraction,
  APIInteractionDataResolved,
  APIModalInteractionResponseCallbackData,
} from "discord-api-types/v10";
import {
  ApplicationCommandType,
  ButtonStyle,
  ComponentType,
  GatewayDispatchEvents,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
} from "discord-api-types/v10";
import {
  addResolved,
  buildCommandOptions,
  type CommandInput,
  EmulatorUsageError,
} from "./command-options.js";
import type { EmulatorContext } from "./context.js";
import { InteractionHandle, type InteractionRecord } from "./interactions.js";
import { channelJson, memberJson, messageJson } from "./payloads.js";
import { ALL_PERMISSIONS } from "./permissions.js";
import type { ChannelRecord, StoredMessage } from "./state.js";

type Json = Record<string, unknown>;
export type MessageRef = StoredMessage | { id: string } | string;
export type ModalFields = Record<string, string | string[]>;

const SELECT_KINDS: Record<number, "string" | "user" | "role" | "channel" | "mentionable"> = {
  [ComponentType.StringSelect]: "string",
  [ComponentType.UserSelect]: "user",
  [ComponentType.RoleSelect]: "role",
  [ComponentType.ChannelSelect]: "channel",
  [ComponentType.MentionableSelect]: "mentionable",
};

/** Every component with a custom_id, in action rows, containers, sections and labels alike. */
function interactiveComponents(list: unknown, found: Json[] = []): Json[] {
  for (const raw of Array.isArray(list) ? list : []) {
    if (typeof raw !== "object" || raw === null) continue;
    const c = raw as Json;
    if (c.custom_id !== undefined) found.push(c);
    interactiveComponents(c.components, found);
    interactiveComponents([c.accessory, c.component].filter(Boolean), found);
  }
  return found;
}

/** A user acting in one place (a guild channel, or their DM with the bot), triggering interactions. */
export class Actor {
  readonly channel: ChannelRecord;

  constructor(
    private readonly ctx: EmulatorContext,
    readonly userId: string,
    where: { guildId?: string; channelId?: string },
  ) {
    const { state } = ctx;
    if (!state.users.has(userId))
      throw new EmulatorUsageError(`No user ${userId}; add them with addMember first`);
    if (where.guildId === undefined) {
      this.channel = state.dmChannelFor(userId);
      return;
    }
    const guild = state.guilds.get(where.guildId);
    if (!guild) throw new EmulatorUsageError(`No guild ${where.guildId}`);
    if (!guild.members.has(userId))
      throw new EmulatorUsageError(`User ${userId} is not a member of guild ${guild.id}`);
    const channels = [...state.channels.values()].filter((c) => c.guildId === guild.id);
    const channel = where.channelId
      ? channels.find((c) => c.id === where.channelId)
      : channels.find((c) => c.type === 0);
    if (!channel)
      throw new EmulatorUsageError(`No channel ${where.channelId ?? "(text)"} in guild ${guild.id}`);
    this.channel = channel;
  }

  /** Runs a registered slash command, e.g. `command("mentor", { subcommand: "pause", options: { days: 3 } })`. */
  command(name: string, options?: CommandInput): InteractionHandle {
    const command = this.#findCommand(name);
    const built = buildCommandOptions(this.ctx.state, command, options, { guildId: this.channel.guildId });
    return this.#dispatch(InteractionType.ApplicationCommand, built.label, this.channel, {
      data: this.#commandData(command, built.options, built.resolved),
    });
  }

  /** Types into an autocomplete option and resolves with the choices the bot answered. */
  autocomplete(
    name: string,
    options: CommandInput | undefined,
    focused: string,
  ): Promise<APIApplicationCommandOptionChoice[]> {
    const command = this.#findCommand(name);
    const built = buildCommandOptions(this.ctx.state, command, options, {
      guildId: this.channel.guildId,
      focused,
    });
    return this.#dispatch(
      InteractionType.ApplicationCommandAutocomplete,
      `${built.label} (autocomplete "${focused}")`,
      this.channel,
      {
        data: this.#commandData(command, built.options, {}),
      },
    ).choices();
  }

  /** Clicks a button on a message the bot sent. */
  click(message: MessageRef, customId: string): InteractionHandle {
    const { stored, component } = this.#component(message, customId);
    if (component.type !== ComponentType.Button)
      throw new EmulatorUsageError(`Component "${customId}" is not a button`);
    if (component.style === ButtonStyle.Link || component.style === ButtonStyle.Premium) {
      throw new EmulatorUsageError(
        `Button "${customId}" is a link/premium button; clicking it sends no interaction`,
      );
    }
    return this.#componentInteraction(stored, `button "${customId}"`, {
      custom_id: customId,
      component_type: ComponentType.Button,
    });
  }

  /** Picks values in a select menu (string, user, role, channel or mentionable) on a message the bot sent. */
  select(message: MessageRef, customId: string, values: string[]): InteractionHandle {
    const { stored, component } = this.#component(message, customId);
    const kind = SELECT_KINDS[Number(component.type)];
    if (!kind) throw new EmulatorUsageError(`Component "${customId}" is not a select menu`);
    const min = Number(component.min_values ?? 1);
    const max = Number(component.max_values ?? 1);
    if (values.length < min || values.length > max) {
      throw new EmulatorUsageError(`Select "${customId}" takes ${min}..${max} values, got ${values.length}`);
    }
    const resolved: APIInteractionDataResolved = {};
    for (const value of values) {
      const options = Array.isArray(component.options) ? (component.options as Json[]) : [];
      const target = { state: this.ctx.state, guildId: this.#channelOf(stored).guildId, resolved };
      const valid =
        kind === "string" ? options.some((o) => o.value === value) : addResolved(target, kind, value);
      if (!valid) throw new EmulatorUsageError(`Select "${customId}" has no option ${JSON.stringify(value)}`);
    }
    return this.#componentInteraction(stored, `select "${customId}"`, {
      custom_id: customId,
      component_type: component.type,
      values,
      ...(kind === "string" ? {} : { resolved }),
    });
  }

  /** Submits the modal the bot last showed this user with `customId`, filling text inputs by their custom_id. */
  submitModal(customId: string, fields: ModalFields, message?: MessageRef): InteractionHandle {
    const shown = this.ctx.interactions
      .all()
      .filter((r) => r.userId === this.userId && r.responseType === InteractionResponseType.Modal)
      .findLast((r) => (r.responseData as APIModalInteractionResponseCallbackData).custom_id === customId);
    if (!shown)
      throw new EmulatorUsageError(`The bot never showed user ${this.userId} a modal "${customId}"`);
    const modal = shown.responseData as APIModalInteractionResponseCallbackData;
    const components = this.#fillModal(modal, fields);
    const channel = this.ctx.state.channels.get(shown.channelId) ?? this.channel;
    const source = message
      ? this.#message(message)
      : shown.sourceMessageId
        ? this.ctx.state.messages.get(shown.sourceMessageId)
        : undefined;
    return this.#dispatch(InteractionType.ModalSubmit, `modal "${customId}"`, channel, {
      data: { custom_id: customId, components },
      message: source,
    });
  }

  #fillModal(modal: APIModalInteractionResponseCallbackData, fields: ModalFields): Json[] {
    const used = new Set<string>();
    const fill = (input: Json): Json => {
      const id = String(input.custom_id);
      const given = fields[id];
      used.add(id);
      const base = { type: input.type, custom_id: id, ...(input.id !== undefined ? { id: input.id } : {}) };
      if (input.type !== ComponentType.TextInput)
        return { ...base, values: given === undefined ? [] : [given].flat() };
      const value = Array.isArray(given) ? given.join("") : (given ?? "");
      const label = `Modal "${modal.custom_id}" field "${id}"`;
      if (input.required !== false && value === "") throw new EmulatorUsageError(`${label} is required`);
      if (value !== "" && input.min_length !== undefined && value.length < Number(input.min_length))
        throw new EmulatorUsageError(`${label} needs at least ${input.min_length} characters`);
      if (input.max_length !== undefined && value.length > Number(input.max_length))
        throw new EmulatorUsageError(`${label} allows at most ${input.max_length} characters`);
      return { ...base, value };
    };
    const components = modal.components.map((raw) => {
      const row = raw as unknown as Json;
      const idPart = row.id !== undefined ? { id: row.id } : {};
      if (row.type === ComponentType.ActionRow) {
        return { type: row.type, ...idPart, components: (row.components as Json[]).map(fill) };
      }
      if (row.type === ComponentType.Label)
        return { type: row.type, ...idPart, component: fill(row.component as Json) };
      return { type: row.type, ...idPart };
    });
    const unknownKeys = Object.keys(fields).filter((k) => !used.has(k));
    if (unknownKeys.length > 0) {
      throw new EmulatorUsageError(
        `Modal "${modal.custom_id}" has no field ${unknownKeys.join(", ")} (fields: ${[...used].join(", ")})`,
      );
    }
    return components;
  }

  #findCommand(name: string): APIApplicationCommand {
    const { state } = this.ctx;
    const guildId = this.channel.guildId;
    const isChat = (c: APIApplicationCommand) =>
      c.name === name && c.type === ApplicationCommandType.ChatInput;
    const command =
      (guildId ? state.commands.get(guildId)?.find(isChat) : undefined) ??
      state.commands.get("global")?.find(isChat);
    if (!command) {
      const names = [...state.commands.entries()].map(
        ([scope, list]) => `${scope}: ${list.map((c) => c.name).join(", ") || "-"}`,
      );
      throw new EmulatorUsageError(
        `No command /${name} is registered for ${guildId ? `guild ${guildId}` : "DMs"} (${names.join("; ") || "no commands registered"}). Did the bot register its commands?`,
      );
    }
    const context = guildId ? InteractionContextType.Guild : InteractionContextType.BotDM;
    if (command.contexts && !command.contexts.includes(context)) {
      throw new EmulatorUsageError(
        `/${name} is not available in ${guildId ? "guilds" : "DMs"} (contexts: ${command.contexts.join(",")})`,
      );
    }
    if (!guildId && command.dm_permission === false)
      throw new EmulatorUsageError(`/${name} has dm_permission: false`);
    if (guildId && command.default_member_permissions != null) {
      const needed = BigInt(command.default_member_permissions);
      if ((state.permissionsOf(guildId, this.userId) & needed) !== needed) {
        throw new EmulatorUsageError(
          `User ${this.userId} lacks default_member_permissions ${needed} for /${name}; Discord hides it`,
        );
      }
    }
    return command;
  }

  #commandData(
    command: APIApplicationCommand,
    options: unknown[],
    resolved: APIInteractionDataResolved,
  ): Json {
    return {
      id: command.id,
      name: command.name,
      type: ApplicationCommandType.ChatInput,
      ...(options.length > 0 ? { options } : {}),
      ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
      ...(command.guild_id ? { guild_id: command.guild_id } : {}),
    };
  }

  #message(ref: MessageRef): StoredMessage {
    const id = typeof ref === "string" ? ref : ref.id;
    const stored = this.ctx.state.messages.get(id);
    if (!stored) throw new EmulatorUsageError(`Message ${id} does not exist (deleted?)`);
    return stored;
  }

  #channelOf(message: StoredMessage): ChannelRecord {
    const channel = this.ctx.state.channels.get(message.channel_id);
    if (!channel)
      throw new EmulatorUsageError(`Channel ${message.channel_id} of message ${message.id} is gone`);
    return channel;
  }

  #component(ref: MessageRef, customId: string): { stored: StoredMessage; component: Json } {
    const stored = this.#message(ref);
    const all = interactiveComponents(stored.components);
    const component = all.find((c) => c.custom_id === customId);
    if (!component) {
      const ids = all.map((c) => c.custom_id).join(", ") || "none";
      throw new EmulatorUsageError(
        `Message ${stored.id} has no component "${customId}" (custom ids: ${ids})`,
      );
    }
    if (component.disabled === true) throw new EmulatorUsageError(`Component "${customId}" is disabled`);
    return { stored, component };
  }

  #componentInteraction(stored: StoredMessage, label: string, data: Json): InteractionHandle {
    return this.#dispatch(InteractionType.MessageComponent, label, this.#channelOf(stored), {
      data,
      message: stored,
    });
  }

  #dispatch(
    type: InteractionType,
    label: string,
    channel: ChannelRecord,
    extra: { data: Json; message?: StoredMessage },
  ) {
    const { state, gateway } = this.ctx;
    const guildId = channel.guildId;
    const guild = guildId ? state.guilds.get(guildId) : undefined;
    const member = guild?.members.get(this.userId);
    const user = state.users.get(this.userId);
    const id = state.newId();
    const payload = {
      id,
      application_id: this.ctx.applicationId,
      type,
      token: `emulator.${id}.${randomBytes(24).toString("base64url")}`,
      version: 1,
      data: extra.data,
      channel: channelJson(state, channel),
      channel_id: channel.id,
      app_permissions: ALL_PERMISSIONS.toString(),
      locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": guildId ?? "0" },
      context: guildId ? InteractionContextType.Guild : InteractionContextType.BotDM,
      attachment_size_limit: 10 * 1024 * 1024,
      ...(guild && member
        ? {
            guild_id: guild.id,
            guild: { id: guild.id, locale: "en-US", features: [] },
            guild_locale: "en-US",
            member: {
              ...memberJson(state, member),
              permissions: state.permissionsOf(guild.id, this.userId).toString(),
            },
          }
        : { user }),
      ...(extra.message ? { message: messageJson(extra.message) } : {}),
    } as unknown as APIInteraction;
    const record: InteractionRecord = {
      id,
      token: payload.token,
      label,
      payload,
      userId: this.userId,
      channelId: channel.id,
      guildId,
      createdAt: Date.now(),
      responseType: null,
      responseData: undefined,
      originalMessageId: null,
      sourceMessageId:
        type === InteractionType.MessageComponent || extra.message ? (extra.message?.id ?? null) : null,
      followUpIds: [],
      originalEdits: 0,
      rejected: [],
      dispatchedTo: 0,
    };
    this.ctx.interactions.add(record);
    record.dispatchedTo = gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return new InteractionHandle(record, state, this.ctx.options.timeoutMs);
  }
}
