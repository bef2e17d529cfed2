import type { APIModalInteractionResponseCallbackData } from "discord-api-types/v10";

/** One field of a form (modal) as the console asks for it. */
export interface FormField {
  customId: string;
  label: string;
  /** The value shown in the box already, kept when the user just presses Enter. */
  value?: string;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  /** Set for a select menu inside a label. */
  options?: { label: string; value: string }[];
  minValues?: number;
  maxValues?: number;
}

type Json = Record<string, unknown>;
const numberOr = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

/** The fields of a modal, whether text inputs in action rows or inputs and menus in labels. */
export function formFieldsOf(modal: APIModalInteractionResponseCallbackData): FormField[] {
  const fields: FormField[] = [];
  for (const row of modal.components as unknown as Json[]) {
    const children = (row.components as Json[] | undefined) ?? [row.component as Json];
    for (const child of children) {
      if (!child || typeof child.custom_id !== "string") continue;
      const options = child.options as { label: string; value: string }[] | undefined;
      fields.push({
        customId: child.custom_id,
        label: String(child.label ?? row.label ?? child.custom_id),
        value: typeof child.value === "string" ? child.value : undefined,
        // Discord treats a text input or a select in a label as required unless it says otherwise.
        required: child.required !== false,
        minLength: numberOr(child.min_length),
        maxLength: numberOr(child.max_length),
        options: options?.map(({ label, value }) => ({ label, value })),
        minValues: numberOr(child.min_values),
        maxValues: numberOr(child.max_values),
      });
    }
  }
  return fields;
}

/** What Discord would tell the user about a field: required or not, and its length or choice limits. */
export function fieldHint(field: FormField): string {
  const parts = [field.required ? "required" : "optional"];
  if (field.options) {
    const min = field.minValues ?? (field.required ? 1 : 0);
    const max = field.maxValues ?? 1;
    if (max > 1) parts.push(min === max ? `pick ${min}` : `pick ${min} to ${max}`);
  } else if (field.minLength !== undefined && field.maxLength !== undefined) {
    parts.push(`${field.minLength}–${field.maxLength} characters`);
  } else if (field.minLength !== undefined) {
    parts.push(`at least ${field.minLength} characters`);
  } else if (field.maxLength !== undefined) {
    parts.push(`up to ${field.maxLength} characters`);
  }
  return parts.join(", ");
}

/** The label without a trailing "(optional)" the bot may have written, since the hint says it. */
const plainLabel = (label: string) => label.replace(/\s*\(optional\)\s*$/i, "");

/** The prompt for one field, e.g. `│ When are you free? [optional, up to 200 characters]: `. */
export function fieldPrompt(field: FormField): string {
  const current = field.value ? ` (now: ${field.value}; Enter keeps it)` : "";
  if (field.options) return `│   pick (number or value)${current}: `;
  return `│ ${plainLabel(field.label)} [${fieldHint(field)}]${current}: `;
}

/** The line listing a menu's choices, printed before its prompt. */
export function choicesLine(field: FormField): string {
  const choices = (field.options ?? []).map((option, index) => `${index + 1}) ${option.label}`).join("  ");
  return `│ ${plainLabel(field.label)} [${fieldHint(field)}]: ${choices}`;
}

export type FieldAnswer = { ok: true; value: string | string[] } | { ok: false; problem: string };

/** Checks one typed answer as Discord would before sending the form; a problem is worded for the user. */
export function checkFieldAnswer(field: FormField, typed: string): FieldAnswer {
  if (field.options) return checkPicks(field, typed);
  const value = typed.trim() === "" ? (field.value ?? "") : typed;
  const length = [...value].length;
  if (value === "") {
    return field.required ? { ok: false, problem: "This field is required." } : { ok: true, value };
  }
  if (field.minLength !== undefined && length < field.minLength) {
    return {
      ok: false,
      problem: `Too short: at least ${field.minLength} characters, you wrote ${length}.`,
    };
  }
  if (field.maxLength !== undefined && length > field.maxLength) {
    return { ok: false, problem: `Too long: at most ${field.maxLength} characters, you wrote ${length}.` };
  }
  return { ok: true, value };
}

function checkPicks(field: FormField, typed: string): FieldAnswer {
  const options = field.options ?? [];
  const picks = typed.split(/[\s,]+/).filter(Boolean);
  const values: string[] = [];
  for (const pick of picks) {
    const option = /^\d+$/.test(pick)
      ? options[Number(pick) - 1]
      : options.find((each) => each.value === pick || each.label.toLowerCase() === pick.toLowerCase());
    if (!option) return { ok: false, problem: `There is no choice "${pick}": pick 1 to ${options.length}.` };
    if (!values.includes(option.value)) values.push(option.value);
  }
  const min = field.minValues ?? (field.required ? 1 : 0);
  const max = field.maxValues ?? 1;
  if (values.length < min) {
    return { ok: false, problem: min === 1 ? "Pick one." : `Pick at least ${min}.` };
  }
  if (values.length > max) {
    return { ok: false, problem: max === 1 ? "Pick only one." : `Pick at most ${max}.` };
  }
  return { ok: true, value: values };
}
