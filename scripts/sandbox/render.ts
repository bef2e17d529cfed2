import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ComponentType,
} from "discord-api-types/v10";

export interface RenderableMessage {
  content?: string | null;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  flags?: number;
  attachments?: { filename?: string; name?: string }[];
}

/** A button or select menu the console user can use by its number. */
export interface Control {
  number: number;
  customId: string;
  kind: "button" | "select";
  label: string;
  disabled: boolean;
  options?: { label: string; value: string }[];
}

const EPHEMERAL = 1 << 6;

/** Lists the message's buttons and menus in reading order, numbered from 1. Link buttons are skipped. */
export function controlsOf(input: object): Control[] {
  const message = input as RenderableMessage;
  const controls: Control[] = [];
  for (const row of message.components ?? []) {
    for (const component of row.components) {
      if (component.type === ComponentType.Button && "custom_id" in component) {
        controls.push({
          number: controls.length + 1,
          customId: component.custom_id,
          kind: "button",
          label: component.label ?? component.emoji?.name ?? "button",
          disabled: component.disabled ?? false,
        });
      } else if (component.type === ComponentType.StringSelect) {
        controls.push({
          number: controls.length + 1,
          customId: component.custom_id,
          kind: "select",
          label: component.placeholder ?? "menu",
          disabled: component.disabled ?? false,
          options: component.options.map((option) => ({ label: option.label, value: option.value })),
        });
      }
    }
  }
  return controls;
}

/** A message as plain text: content, embeds with their fields, then numbered controls. */
export function renderMessage(input: object): string {
  const message = input as RenderableMessage;
  const lines: string[] = [];
  if (message.flags && message.flags & EPHEMERAL) lines.push("(only you can see this)");
  if (message.content) lines.push(message.content);
  for (const embed of message.embeds ?? []) {
    lines.push("┌──");
    if (embed.author?.name) lines.push(`│ ${embed.author.name}`);
    if (embed.title) lines.push(`│ ${embed.title}${embed.url ? ` <${embed.url}>` : ""}`);
    if (embed.description) lines.push(...indent(embed.description));
    for (const field of embed.fields ?? []) {
      lines.push(`│ ▸ ${field.name}`, ...indent(field.value, "│   "));
    }
    if (embed.footer?.text) lines.push(`│ — ${embed.footer.text}`);
    lines.push("└──");
  }
  for (const attachment of message.attachments ?? []) {
    lines.push(`📎 ${attachment.filename ?? attachment.name ?? "file"}`);
  }
  for (const control of controlsOf(message)) {
    const state = control.disabled ? " (disabled)" : "";
    if (control.kind === "button") lines.push(`  [${control.number}] ${control.label}${state}`);
    else {
      lines.push(`  [${control.number}] menu: ${control.label}${state}`);
      control.options?.forEach((option, index) => {
        lines.push(`      ${index + 1}) ${option.label}`);
      });
    }
  }
  return showTimestamps(lines.join("\n"));
}

/** Discord shows `<t:1700000000:f>` in each reader's time zone; a console shows it in UTC. */
const showTimestamps = (text: string): string =>
  text.replace(/<t:(\d+)(?::[tTdDfFR])?>/g, (_, seconds: string) =>
    new Date(Number(seconds) * 1000).toISOString().replace("T", " ").slice(0, 16).concat(" UTC"),
  );

const indent = (text: string, prefix = "│ "): string[] => text.split("\n").map((line) => `${prefix}${line}`);
