import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

export interface ParsedCommand {
  name: string;
  /** Subcommand group and subcommand, when the command has them. */
  path: string[];
  options: Record<string, string | number | boolean>;
}

/** Splits on spaces, keeping "quoted text" together (quotes may also follow `name:`). */
export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  const pattern = /(\S+?:)?"([^"]*)"|(\S+)/g;
  for (const match of line.matchAll(pattern)) {
    tokens.push(match[2] !== undefined ? `${match[1] ?? ""}${match[2]}` : (match[3] ?? ""));
  }
  return tokens;
}

/**
 * Reads `/name [sub] value value name:value …` against the registered command definition:
 * positional values fill the options in their declared order; `name:value` sets one by name.
 */
export function parseCommandLine(
  line: string,
  commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  /** Turns a name typed for a user, channel or role option into its id. */
  resolveEntity: (type: "user" | "channel" | "role", raw: string) => string = (_type, raw) => raw,
): ParsedCommand {
  const [head = "", ...tokens] = tokenize(line.trim().replace(/^\//, ""));
  const command = commands.find((each) => each.name === head.toLowerCase());
  if (!command)
    throw new Error(`No command /${head}. Commands: ${commands.map((c) => `/${c.name}`).join(" ")}`);
  const path: string[] = [];
  let level: readonly APIApplicationCommandOption[] = command.options ?? [];
  for (;;) {
    const nested = level.filter(
      (option) =>
        option.type === ApplicationCommandOptionType.Subcommand ||
        option.type === ApplicationCommandOptionType.SubcommandGroup,
    );
    if (nested.length === 0) break;
    const chosen = nested.find((option) => option.name === tokens[0]?.toLowerCase());
    if (!chosen) {
      throw new Error(
        `/${[command.name, ...path].join(" ")} needs one of: ${nested.map((o) => o.name).join(", ")}`,
      );
    }
    tokens.shift();
    path.push(chosen.name);
    level = "options" in chosen ? (chosen.options ?? []) : [];
  }
  const options: ParsedCommand["options"] = {};
  const positional = level.filter((option) => "type" in option);
  let next = 0;
  for (const token of tokens) {
    // `name:value` only when name is an option, so `https://…` can be given in order too.
    const match = /^([a-z0-9_-]+):(.*)$/s.exec(token);
    const named = match && level.some((each) => each.name === match[1]) ? match : null;
    const option = named ? level.find((each) => each.name === named[1]) : positional[next++];
    if (!option) {
      const usage = `/${[command.name, ...path].join(" ")}`;
      const names = level.map((o) => o.name).join(", ");
      throw new Error(
        names
          ? `"${token}" is one value too many for ${usage}. Its options: ${names} (give one as name:value).`
          : `"${token}" is one value too many: ${usage} takes no options.`,
      );
    }
    options[option.name] = convert(option, named ? (named[2] ?? "") : token, resolveEntity);
  }
  const usage = `/${[command.name, ...path].join(" ")}`;
  const missing = level.filter(
    (option) => "required" in option && option.required && !(option.name in options),
  );
  if (missing.length > 0) {
    const needs = missing.map((option) => `${option.name} (${option.description})`).join(", ");
    throw new Error(`${usage} needs ${needs}, e.g. ${usage} ${missing.map((o) => `${o.name}:…`).join(" ")}`);
  }
  return { name: command.name, path, options };
}

function convert(
  option: APIApplicationCommandOption,
  raw: string,
  resolveEntity: (type: "user" | "channel" | "role", raw: string) => string,
): string | number | boolean {
  switch (option.type) {
    case ApplicationCommandOptionType.User:
      return resolveEntity("user", raw);
    case ApplicationCommandOptionType.Channel:
      return resolveEntity("channel", raw);
    case ApplicationCommandOptionType.Role:
      return resolveEntity("role", raw);
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const value = Number(raw);
      const whole = option.type === ApplicationCommandOptionType.Integer;
      if (!Number.isFinite(value) || (whole && !Number.isInteger(value)))
        throw new Error(`${option.name} must be a ${whole ? "whole " : ""}number, got "${raw}"`);
      const { min_value: min, max_value: max } = option;
      if ((min !== undefined && value < min) || (max !== undefined && value > max))
        throw new Error(`${option.name} must be ${rangeText(min, max)}, got ${value}`);
      return checkChoice(option, value);
    }
    case ApplicationCommandOptionType.Boolean:
      if (!/^(true|false|yes|no)$/i.test(raw)) throw new Error(`${option.name} must be true or false`);
      return /^(true|yes)$/i.test(raw);
    case ApplicationCommandOptionType.String: {
      const { min_length: min, max_length: max } = option;
      if ((min !== undefined && raw.length < min) || (max !== undefined && raw.length > max))
        throw new Error(`${option.name} must be ${rangeText(min, max)} characters long, got ${raw.length}`);
      return checkChoice(option, raw);
    }
    default:
      return raw;
  }
}

const rangeText = (min: number | undefined, max: number | undefined): string =>
  min !== undefined && max !== undefined
    ? `${min} to ${max}`
    : min !== undefined
      ? `at least ${min}`
      : `at most ${max}`;

/** A value of an option with fixed choices, typed as the choice's value or its name. */
function checkChoice(option: APIApplicationCommandOption, value: string | number): string | number {
  const choices = "choices" in option ? (option.choices as { name: string; value: string | number }[]) : [];
  if (!choices?.length) return value;
  const typed = String(value).toLowerCase();
  const chosen = choices.find(
    (choice) => String(choice.value).toLowerCase() === typed || choice.name.toLowerCase() === typed,
  );
  if (!chosen)
    throw new Error(`${option.name} is one of: ${choices.map((choice) => choice.value).join(", ")}`);
  return chosen.value;
}
