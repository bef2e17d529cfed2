import { ApplicationCommandOptionType, ApplicationCommandType } from "discord-api-types/v10";
import { FormErrors } from "./validate.js";

type Json = Record<string, unknown>;
type Path = (string | number)[];

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isSub = (o: unknown) =>
  isObject(o) &&
  (o.type === ApplicationCommandOptionType.Subcommand ||
    o.type === ApplicationCommandOptionType.SubcommandGroup);

function checkName(errors: FormErrors, path: Path, name: unknown, lowercase: boolean): void {
  if (typeof name !== "string" || !NAME.test(name) || (lowercase && name !== name.toLowerCase())) {
    errors.add(
      [...path, "name"],
      "APPLICATION_COMMAND_INVALID_NAME",
      `Command name is invalid: ${JSON.stringify(name)}`,
    );
  }
}

function checkOptions(errors: FormErrors, path: Path, options: unknown, depth: number): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.add(path, "BASE_TYPE_ARRAY", "Must be an array.");
    return;
  }
  errors.maxLength(path, options, 25);
  const names = new Set<string>();
  let sawOptional = false;
  const subs = options.filter(isSub).length;
  if (subs > 0 && subs < options.length)
    errors.add(
      path,
      "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
      "Sub-commands and groups cannot be mixed with other options",
    );
  options.forEach((raw, i) => {
    const at = [...path, i];
    const option = isObject(raw) ? raw : {};
    checkName(errors, at, option.name, true);
    if (typeof option.name === "string") {
      if (names.has(option.name))
        errors.add(
          [...at, "name"],
          "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
          "Option names must be unique",
        );
      names.add(option.name);
    }
    errors.length([...at, "description"], option.description, 1, 100);
    const type = Number(option.type);
    if (!(type >= 1 && type <= 11))
      errors.add([...at, "type"], "BASE_TYPE_CHOICES", "Value must be one of 1-11.");
    if (option.required === true && sawOptional)
      errors.add(
        at,
        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
        "Required options must be placed before non-required options",
      );
    if (option.required !== true) sawOptional = true;
    if (option.choices !== undefined) {
      errors.maxLength([...at, "choices"], option.choices, 25);
      if (option.autocomplete === true)
        errors.add(
          [...at, "autocomplete"],
          "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_CHOICES",
          "Autocomplete cannot be used with choices",
        );
      (Array.isArray(option.choices) ? option.choices : []).forEach((choice, j) => {
        const c = isObject(choice) ? choice : {};
        errors.length([...at, "choices", j, "name"], c.name, 1, 100);
        if (typeof c.value === "string") errors.maxLength([...at, "choices", j, "value"], c.value, 100);
      });
    }
    if (type === ApplicationCommandOptionType.SubcommandGroup) {
      if (
        depth > 0 ||
        !(Array.isArray(option.options) && option.options.every((o) => isObject(o) && o.type === 1))
      )
        errors.add(
          [...at, "options"],
          "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
          "A group may only contain sub-commands",
        );
    }
    if (type === ApplicationCommandOptionType.Subcommand && depth > 1)
      errors.add(
        [...at, "type"],
        "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
        "Sub-commands nest at most two levels",
      );
    if (isSub(option)) checkOptions(errors, [...at, "options"], option.options, depth + 1);
    else if (option.options !== undefined)
      errors.add(
        [...at, "options"],
        "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
        "Only sub-commands and groups have options",
      );
  });
}

/** Checks command definitions the way Discord does on PUT/POST, throwing 50035 with the offending paths. */
export function validateCommands(commands: unknown[], pathPrefix: Path = []): void {
  const errors = new FormErrors();
  const seen = new Set<string>();
  commands.forEach((raw, i) => {
    const at = [...pathPrefix, i];
    const command = isObject(raw) ? raw : {};
    const type = Number(command.type ?? ApplicationCommandType.ChatInput);
    const chatInput = type === ApplicationCommandType.ChatInput;
    if (chatInput) checkName(errors, at, command.name, true);
    else errors.length([...at, "name"], command.name, 1, 32);
    if (chatInput) errors.length([...at, "description"], command.description, 1, 100);
    const key = `${type}:${String(command.name)}`;
    if (seen.has(key))
      errors.add(
        [...at, "name"],
        "APPLICATION_COMMANDS_DUPLICATE_NAME",
        "Application command names must be unique",
      );
    seen.add(key);
    if (chatInput) checkOptions(errors, [...at, "options"], command.options, 0);
  });
  errors.throwIfAny();
}
