import type { APIApplicationCommand, APIInteractionDataResolved } from "discord-api-types/v10";
import { ApplicationCommandOptionType as T } from "discord-api-types/v10";
import { memberJson, resolvedChannelJson, roleJson } from "./payloads.js";
import type { EmulatorState } from "./state.js";

export type OptionValue = string | number | boolean;
export type OptionInput = Record<string, OptionValue>;
/** For commands with subcommands: `{ subcommand: "pause", options: { days: 3 } }`, plus `group` for subcommand groups. */
export interface SubcommandInput {
  group?: string;
  subcommand: string;
  options?: OptionInput;
}
export type CommandInput = OptionInput | SubcommandInput;

/** Thrown when a test asks for something a Discord user could not do; a bug in the test, not the bot. */
export class EmulatorUsageError extends Error {
  override name = "EmulatorUsageError";
}

interface OptionDef {
  type: T;
  name: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string | number }[];
  options?: OptionDef[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  channel_types?: number[];
}

export interface BuiltOption {
  type: T;
  name: string;
  value?: OptionValue;
  options?: BuiltOption[];
  focused?: boolean;
}

interface Env {
  state: EmulatorState;
  guildId: string | null;
  label: string;
  resolved: APIInteractionDataResolved;
  focused?: string;
}

const TYPE_NAMES: Record<number, string> = {
  [T.String]: "a string",
  [T.Integer]: "an integer",
  [T.Number]: "a number",
  [T.Boolean]: "a boolean",
  [T.User]: "a user id",
  [T.Channel]: "a channel id",
  [T.Role]: "a role id",
  [T.Mentionable]: "a user or role id",
};

function fail(env: Env, message: string): never {
  throw new EmulatorUsageError(`${env.label}: ${message}`);
}

type ResolveTarget = Pick<Env, "state" | "guildId" | "resolved">;

function resolveUser(env: ResolveTarget, id: string): boolean {
  const user = env.state.users.get(id);
  if (!user) return false;
  env.resolved.users ??= {};
  env.resolved.users[id] = user;
  const member = env.guildId ? env.state.guilds.get(env.guildId)?.members.get(id) : undefined;
  if (member && env.guildId) {
    const { user: _user, ...partial } = memberJson(env.state, member);
    env.resolved.members ??= {};
    env.resolved.members[id] = {
      ...partial,
      permissions: env.state.permissionsOf(env.guildId, id).toString(),
    };
  }
  return true;
}

function resolveRole(env: ResolveTarget, id: string): boolean {
  const role = env.guildId ? env.state.guilds.get(env.guildId)?.roles.get(id) : undefined;
  if (!role) return false;
  env.resolved.roles ??= {};
  env.resolved.roles[id] = roleJson(role);
  return true;
}

function resolveChannel(env: ResolveTarget, id: string): boolean {
  const channel = env.state.channels.get(id);
  if (!channel || (env.guildId && channel.guildId !== env.guildId)) return false;
  const permissions = env.guildId ? env.state.permissionsOf(env.guildId, env.state.botUser.id) : 0n;
  env.resolved.channels ??= {};
  env.resolved.channels[channel.id] = resolvedChannelJson(env.state, channel, permissions);
  return true;
}

/** Adds a user/role/channel to `resolved` as Discord does for options and select menus; false if it does not exist. */
export function addResolved(
  env: ResolveTarget,
  kind: "user" | "role" | "channel" | "mentionable",
  id: string,
): boolean {
  if (kind === "user") return resolveUser(env, id);
  if (kind === "role") return resolveRole(env, id);
  if (kind === "channel") return resolveChannel(env, id);
  return resolveUser(env, id) || resolveRole(env, id);
}

function convert(env: Env, def: OptionDef, raw: OptionValue): OptionValue {
  const bad: () => never = () =>
    fail(
      env,
      `option "${def.name}" expects ${TYPE_NAMES[def.type] ?? `type ${def.type}`}, got ${JSON.stringify(raw)}`,
    );
  if (def.name === env.focused) return String(raw);
  switch (def.type) {
    case T.String:
      if (typeof raw !== "string") bad();
      if (def.min_length !== undefined && raw.length < def.min_length)
        fail(env, `"${def.name}" is shorter than ${def.min_length}`);
      if (def.max_length !== undefined && raw.length > def.max_length)
        fail(env, `"${def.name}" is longer than ${def.max_length}`);
      break;
    case T.Integer:
    case T.Number:
      if (
        typeof raw !== "number" ||
        !Number.isFinite(raw) ||
        (def.type === T.Integer && !Number.isInteger(raw))
      )
        bad();
      if (def.min_value !== undefined && raw < def.min_value)
        fail(env, `"${def.name}" is below ${def.min_value}`);
      if (def.max_value !== undefined && raw > def.max_value)
        fail(env, `"${def.name}" is above ${def.max_value}`);
      break;
    case T.Boolean:
      if (typeof raw !== "boolean") bad();
      break;
    case T.User:
      if (typeof raw !== "string" || !resolveUser(env, raw)) bad();
      break;
    case T.Role:
      if (typeof raw !== "string" || !resolveRole(env, raw)) bad();
      break;
    case T.Mentionable:
      if (typeof raw !== "string" || !(resolveUser(env, raw) || resolveRole(env, raw))) bad();
      break;
    case T.Channel:
      if (typeof raw !== "string" || !resolveChannel(env, raw)) bad();
      if (def.channel_types && !def.channel_types.includes(env.state.channels.get(raw)?.type ?? -1))
        fail(env, `"${def.name}" only accepts channel types ${def.channel_types.join(", ")}`);
      break;
    default:
      fail(env, `option "${def.name}" has type ${def.type}, which the emulator does not support`);
  }
  if (def.choices && !def.choices.some((c) => c.value === raw)) {
    fail(env, `"${def.name}" must be one of ${def.choices.map((c) => JSON.stringify(c.value)).join(", ")}`);
  }
  return raw;
}

function buildLeaf(env: Env, defs: OptionDef[], input: OptionInput): BuiltOption[] {
  for (const name of Object.keys(input)) {
    if (!defs.some((d) => d.name === name)) {
      fail(env, `unknown option "${name}" (options: ${defs.map((d) => d.name).join(", ") || "none"})`);
    }
  }
  const built: BuiltOption[] = [];
  for (const def of defs) {
    const raw = input[def.name];
    if (raw === undefined) {
      if (def.required && env.focused === undefined) fail(env, `required option "${def.name}" is missing`);
      continue;
    }
    const option: BuiltOption = { type: def.type, name: def.name, value: convert(env, def, raw) };
    if (def.name === env.focused) option.focused = true;
    built.push(option);
  }
  if (env.focused !== undefined) {
    const def = defs.find((d) => d.name === env.focused);
    if (!def?.autocomplete) fail(env, `option "${env.focused}" does not have autocomplete enabled`);
    if (!built.some((o) => o.focused))
      built.push({ type: def.type, name: def.name, value: "", focused: true });
  }
  return built;
}

function isSubcommandInput(input: CommandInput | undefined): input is SubcommandInput {
  return typeof input === "object" && typeof (input as SubcommandInput).subcommand === "string";
}

/** Builds `data.options` and `data.resolved` the way the Discord client would from a registered command. */
export function buildCommandOptions(
  state: EmulatorState,
  command: APIApplicationCommand,
  input: CommandInput | undefined,
  context: { guildId: string | null; focused?: string },
): { options: BuiltOption[]; resolved: APIInteractionDataResolved; label: string } {
  const defs = (command.options ?? []) as OptionDef[];
  const env: Env = {
    state,
    guildId: context.guildId,
    label: `/${command.name}`,
    resolved: {},
    focused: context.focused,
  };
  const hasSubcommands = defs.some((d) => d.type === T.Subcommand || d.type === T.SubcommandGroup);
  if (!hasSubcommands) {
    if (isSubcommandInput(input) && !defs.some((d) => d.name === "subcommand")) {
      fail(env, `has no subcommands, but "${input.subcommand}" was given`);
    }
    return {
      options: buildLeaf(env, defs, (input ?? {}) as OptionInput),
      resolved: env.resolved,
      label: env.label,
    };
  }
  if (!isSubcommandInput(input)) {
    fail(env, `needs { subcommand, options }; subcommands: ${defs.map((d) => d.name).join(", ")}`);
  }
  let scope = defs;
  let group: OptionDef | undefined;
  if (input.group !== undefined) {
    group = defs.find((d) => d.type === T.SubcommandGroup && d.name === input.group);
    if (!group) fail(env, `unknown subcommand group "${input.group}"`);
    scope = group.options ?? [];
    env.label += ` ${group.name}`;
  }
  const sub = scope.find((d) => d.type === T.Subcommand && d.name === input.subcommand);
  if (!sub) {
    const inGroup = defs.find(
      (d) => d.type === T.SubcommandGroup && d.options?.some((o) => o.name === input.subcommand),
    );
    const hint = inGroup && !group ? ` (it is in group "${inGroup.name}"; pass group)` : "";
    fail(
      env,
      `unknown subcommand "${input.subcommand}"${hint}; choices: ${scope.map((d) => d.name).join(", ")}`,
    );
  }
  env.label += ` ${sub.name}`;
  const leaf: BuiltOption = {
    type: T.Subcommand,
    name: sub.name,
    options: buildLeaf(env, sub.options ?? [], input.options ?? {}),
  };
  const options = group ? [{ type: T.SubcommandGroup, name: group.name, options: [leaf] }] : [leaf];
  return { options, resolved: env.resolved, label: env.label };
}
