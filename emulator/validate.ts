import { ComponentType, MessageFlags } from "discord-api-types/v10";
import { HttpError } from "./http.js";

type Path = (string | number)[];
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** Characters (code points) of a string, items of an array, else 0. Counted in place: a message has many strings. */
function sizeOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value !== "string") return 0;
  let count = value.length;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) count--;
    }
  }
  return count;
}

/** A string has at least half as many characters as UTF-16 units, and at most as many: most need no counting. */
const surelyWithin = (value: unknown, min: number, max: number): boolean =>
  typeof value === "string" && value.length <= max && (value.length + 1) >> 1 >= min;

/** Whether `value` is longer than `max` characters (or items); counts code points only when in doubt. */
const tooLong = (value: unknown, max: number): boolean => !surelyWithin(value, 0, max) && sizeOf(value) > max;

/** Whether `value` is missing, or not between `min` and `max` characters (or items). */
const outOfRange = (value: unknown, min: number, max: number): boolean => {
  if (surelyWithin(value, min, max)) return false;
  const length = sizeOf(value);
  return value === undefined || value === null || length < min || length > max;
};

/**
 * Collects errors in Discord's nested `{ field: { _errors: [...] } }` shape and throws 50035 "Invalid
 * Form Body". Checks test first and build an error's path only when there is an error: a message
 * has dozens of parts, and the paths of the ones that pass were most of the work.
 */
export class FormErrors {
  readonly tree: Json = {};
  count = 0;

  add(path: Path, code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      const next = node[String(key)];
      const child: Json = isObject(next) ? next : {};
      node[String(key)] = child;
      node = child;
    }
    const list: unknown[] = Array.isArray(node._errors) ? node._errors : [];
    node._errors = list;
    list.push({ code, message });
    this.count++;
  }

  maxLength(path: Path, value: unknown, max: number): void {
    if (tooLong(value, max)) this.addTooLong(path, max);
  }

  length(path: Path, value: unknown, min: number, max: number): void {
    if (outOfRange(value, min, max)) this.addOutOfRange(path, value, min, max);
  }

  addTooLong(path: Path, max: number): void {
    this.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
  }

  addOutOfRange(path: Path, value: unknown, min: number, max: number): void {
    if (value === undefined || value === null) this.add(path, "BASE_TYPE_REQUIRED", "This field is required");
    else this.add(path, "BASE_TYPE_BAD_LENGTH", `Must be between ${min} and ${max} in length.`);
  }

  throwIfAny(): void {
    if (this.count > 0)
      throw new HttpError(400, { code: 50035, message: "Invalid Form Body", errors: this.tree });
  }
}

const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
};

function validateEmbeds(errors: FormErrors, path: Path, embeds: unknown): void {
  if (embeds === undefined || embeds === null) return;
  errors.maxLength(path, embeds, 10);
  const list = asArray(embeds);
  let total = 0;
  for (let i = 0; i < list.length; i++) total += validateEmbed(errors, path, i, list[i]);
  if (total > 6000) errors.add(path, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
}

/** Checks the `i`th embed of the list at `path`; returns the characters it counts towards the 6,000. */
function validateEmbed(errors: FormErrors, path: Path, i: number, raw: unknown): number {
  const embed = isObject(raw) ? raw : {};
  const footer = isObject(embed.footer) ? embed.footer : {};
  const author = isObject(embed.author) ? embed.author : {};
  const at = (...keys: string[]): Path => [...path, i, ...keys];
  if (tooLong(embed.title, EMBED_LIMITS.title)) errors.addTooLong(at("title"), EMBED_LIMITS.title);
  if (tooLong(embed.description, EMBED_LIMITS.description))
    errors.addTooLong(at("description"), EMBED_LIMITS.description);
  if (tooLong(embed.fields, EMBED_LIMITS.fields)) errors.addTooLong(at("fields"), EMBED_LIMITS.fields);
  if (tooLong(footer.text, EMBED_LIMITS.footer)) errors.addTooLong(at("footer", "text"), EMBED_LIMITS.footer);
  if (tooLong(author.name, EMBED_LIMITS.author)) errors.addTooLong(at("author", "name"), EMBED_LIMITS.author);
  let total = text(embed.title).length + text(embed.description).length;
  total += text(footer.text).length + text(author.name).length;
  const fields = asArray(embed.fields);
  for (let j = 0; j < fields.length; j++) {
    const rawField = fields[j];
    const field = isObject(rawField) ? rawField : {};
    if (outOfRange(field.name, 1, EMBED_LIMITS.fieldName))
      errors.addOutOfRange([...path, i, "fields", j, "name"], field.name, 1, EMBED_LIMITS.fieldName);
    if (outOfRange(field.value, 1, EMBED_LIMITS.fieldValue))
      errors.addOutOfRange([...path, i, "fields", j, "value"], field.value, 1, EMBED_LIMITS.fieldValue);
    total += text(field.name).length + text(field.value).length;
  }
  return total;
}

const SELECT_TYPES = new Set<number>([
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
]);

function validateInteractive(errors: FormErrors, path: Path, c: Json, customIds: Set<string>): void {
  if (typeof c.custom_id === "string") {
    if (customIds.has(c.custom_id))
      errors.add(
        [...path, "custom_id"],
        "COMPONENT_CUSTOM_ID_DUPLICATED",
        "Component custom id cannot be duplicated",
      );
    customIds.add(c.custom_id);
  }
  if (c.type === ComponentType.Button) {
    const needsUrl = c.style === 5;
    if (needsUrl && typeof c.url !== "string")
      errors.add([...path, "url"], "BASE_TYPE_REQUIRED", "This field is required");
    if (!needsUrl && c.style !== 6 && outOfRange(c.custom_id, 1, 100))
      errors.addOutOfRange([...path, "custom_id"], c.custom_id, 1, 100);
    if (tooLong(c.label, 80)) errors.addTooLong([...path, "label"], 80);
    return;
  }
  errors.length([...path, "custom_id"], c.custom_id, 1, 100);
  errors.maxLength([...path, "placeholder"], c.placeholder, 150);
  if (c.type === ComponentType.StringSelect) {
    errors.length([...path, "options"], c.options, 1, 25);
    asArray(c.options).forEach((rawOption, i) => {
      const option = isObject(rawOption) ? rawOption : {};
      errors.length([...path, "options", i, "label"], option.label, 1, 100);
      errors.length([...path, "options", i, "value"], option.value, 1, 100);
      errors.maxLength([...path, "options", i, "description"], option.description, 100);
    });
  }
}

function validateActionRow(errors: FormErrors, path: Path, row: Json, customIds: Set<string>): void {
  const children = asArray(row.components);
  if (outOfRange(row.components, 1, 5)) errors.addOutOfRange([...path, "components"], row.components, 1, 5);
  const hasSelect = children.some((c) => isObject(c) && SELECT_TYPES.has(Number(c.type)));
  if (hasSelect && children.length > 1)
    errors.add(
      [...path, "components"],
      "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
      "The specified component exceeds the maximum width",
    );
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (isObject(child)) validateInteractive(errors, [...path, "components", i], child, customIds);
  }
}

/** Walks components v1 (action rows) and v2 (containers, sections) alike; returns how many it saw. */
function validateComponentTree(
  errors: FormErrors,
  path: Path,
  list: unknown[],
  customIds: Set<string>,
): number {
  let seen = 0;
  list.forEach((raw, i) => {
    if (!isObject(raw)) return;
    seen++;
    const at = [...path, i];
    if (raw.type === ComponentType.ActionRow) {
      validateActionRow(errors, at, raw, customIds);
      seen += asArray(raw.components).length;
    } else if (raw.type === ComponentType.Button || SELECT_TYPES.has(Number(raw.type))) {
      validateInteractive(errors, at, raw, customIds);
    } else {
      if (Array.isArray(raw.components))
        seen += validateComponentTree(errors, [...at, "components"], raw.components, customIds);
      if (isObject(raw.accessory))
        seen += validateComponentTree(errors, [...at, "accessory"], [raw.accessory], customIds);
    }
  });
  return seen;
}

export function validateComponents(errors: FormErrors, path: Path, components: unknown, flags: number): void {
  if (components === undefined || components === null) return;
  const isV2 = (flags & MessageFlags.IsComponentsV2) !== 0;
  if (!isV2) errors.maxLength(path, components, 5);
  const total = validateComponentTree(errors, path, asArray(components), new Set());
  if (isV2 && total > 40) errors.add(path, "BASE_TYPE_MAX_LENGTH", "Must be 40 or fewer in length.");
}

/**
 * Validates a message body (channel message, interaction reply, follow-up or edit).
 * `path` prefixes error keys, e.g. ["data"] for interaction callbacks.
 */
export function validateMessageBody(body: Json, path: Path = []): void {
  const errors = new FormErrors();
  const flags = Number(body.flags ?? 0);
  if (tooLong(body.content, 2000)) errors.addTooLong([...path, "content"], 2000);
  validateEmbeds(errors, [...path, "embeds"], body.embeds);
  validateComponents(errors, [...path, "components"], body.components, flags);
  if (body.nonce !== undefined && typeof body.nonce === "string")
    errors.maxLength([...path, "nonce"], body.nonce, 25);
  if (
    (flags & MessageFlags.IsComponentsV2) !== 0 &&
    (text(body.content) !== "" || asArray(body.embeds).length > 0)
  ) {
    errors.add(
      [...path, "content"],
      "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
      "The 'content' and 'embeds' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2",
    );
  }
  errors.throwIfAny();
}

export function assertNotEmpty(message: {
  content?: unknown;
  embeds?: unknown;
  components?: unknown;
  attachments?: unknown;
  sticker_ids?: unknown;
}): void {
  const has = (v: unknown) => (typeof v === "string" ? v.length > 0 : Array.isArray(v) && v.length > 0);
  if (
    ![message.content, message.embeds, message.components, message.attachments, message.sticker_ids].some(has)
  ) {
    throw new HttpError(400, { code: 50006, message: "Cannot send an empty message" });
  }
}

function validateTextInput(errors: FormErrors, path: Path, input: Json, inLabel: boolean): void {
  errors.length([...path, "custom_id"], input.custom_id, 1, 100);
  if (input.style !== 1 && input.style !== 2)
    errors.add([...path, "style"], "BASE_TYPE_CHOICES", "Value must be one of (1, 2).");
  if (inLabel && input.label !== undefined)
    errors.add([...path, "label"], "TEXT_INPUT_LABEL_NOT_ALLOWED", "label is set on the Label component");
  if (!inLabel) errors.length([...path, "label"], input.label, 1, 45);
  if (input.min_length !== undefined && (Number(input.min_length) < 0 || Number(input.min_length) > 4000))
    errors.add([...path, "min_length"], "INT_TYPE_OUT_OF_RANGE", "int value should be between 0 and 4000.");
  if (input.max_length !== undefined && (Number(input.max_length) < 1 || Number(input.max_length) > 4000))
    errors.add([...path, "max_length"], "INT_TYPE_OUT_OF_RANGE", "int value should be between 1 and 4000.");
  errors.maxLength([...path, "value"], input.value, 4000);
  errors.maxLength([...path, "placeholder"], input.placeholder, 100);
}

export function validateModal(data: unknown): void {
  const errors = new FormErrors();
  const modal = isObject(data) ? data : {};
  errors.length(["data", "title"], modal.title, 1, 45);
  errors.length(["data", "custom_id"], modal.custom_id, 1, 100);
  errors.length(["data", "components"], modal.components, 1, 5);
  asArray(modal.components).forEach((raw, i) => {
    const at: Path = ["data", "components", i];
    const c = isObject(raw) ? raw : {};
    if (c.type === ComponentType.ActionRow) {
      const inputs = asArray(c.components);
      if (inputs.length !== 1)
        errors.add([...at, "components"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 1 in length.");
      const input = inputs[0];
      if (isObject(input)) validateTextInput(errors, [...at, "components", 0], input, false);
    } else if (c.type === ComponentType.Label) {
      errors.length([...at, "label"], c.label, 1, 45);
      errors.maxLength([...at, "description"], c.description, 100);
      const inner = isObject(c.component) ? c.component : {};
      if (inner.type === ComponentType.TextInput)
        validateTextInput(errors, [...at, "component"], inner, true);
      else validateInteractive(errors, [...at, "component"], inner, new Set());
    } else if (c.type !== ComponentType.TextDisplay) {
      errors.add([...at, "type"], "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (1, 10, 18).');
    }
  });
  errors.throwIfAny();
}

export function validateChoices(data: unknown): void {
  const errors = new FormErrors();
  const choices = isObject(data) ? data.choices : undefined;
  errors.maxLength(["data", "choices"], choices, 25);
  asArray(choices).forEach((raw, i) => {
    const choice = isObject(raw) ? raw : {};
    errors.length(["data", "choices", i, "name"], choice.name, 1, 100);
    if (typeof choice.value === "string")
      errors.maxLength(["data", "choices", i, "value"], choice.value, 100);
    else if (typeof choice.value !== "number")
      errors.add(["data", "choices", i, "value"], "BASE_TYPE_REQUIRED", "This field is required");
  });
  errors.throwIfAny();
}
