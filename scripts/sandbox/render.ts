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
  /** `chosen`: shown as already picked (the option's `default`). */
  options?: { label: string; value: string; chosen?: boolean }[];
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
          options: component.options.map((option) => ({
            label: option.label,
            value: option.value,
            ...(option.default ? { chosen: true } : {}),
          })),
        });
      }
    }
  }
  return controls;
}

/** Names for the ids in mentions; an unknown id is shown as it is. */
export interface MentionNames {
  user(id: string): string | undefined;
  channel(id: string): string | undefined;
  role(id: string): string | undefined;
}

/** A message as plain text: content, embeds with their fields, then numbered controls. */
export function renderMessage(input: object, names?: MentionNames): string {
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
        lines.push(`      ${index + 1}) ${option.label}${option.chosen ? " ✓" : ""}`);
      });
    }
  }
  const text = showTimestamps(lines.join("\n"));
  return names ? showMentions(text, names) : text;
}

/** `<@id>`, `<#id>` and `<@&id>` as Discord shows them: @name, #channel, @Role. */
export function showMentions(text: string, names: MentionNames): string {
  return text
    .replace(/<@!?(\d+)>/g, (raw, id: string) => {
      const name = names.user(id);
      return name ? `@${name}` : raw;
    })
    .replace(/<@&(\d+)>/g, (raw, id: string) => {
      const name = names.role(id);
      return name ? `@${name}` : raw;
    })
    .replace(/<#(\d+)>/g, (raw, id: string) => {
      const name = names.channel(id);
      return name ? `#${name}` : raw;
    });
}

/**
 * Discord shows `<t:1700000000:f>` in each reader's time zone; a console shows it in UTC, and
 * `<t:…:R>` as Discord does, relative to now ("in 7 days").
 */
const showTimestamps = (text: string, now = Date.now()): string =>
  text.replace(/<t:(\d+)(?::([tTdDfFR]))?>/g, (_, seconds: string, style: string | undefined) => {
    const at = Number(seconds) * 1000;
    if (style === "R") return relativeTime(at - now);
    return new Date(at).toISOString().replace("T", " ").slice(0, 16).concat(" UTC");
  });

/** "in 7 days", "3 minutes ago", "now": the largest unit under which the rounded count stays. */
export function relativeTime(deltaMs: number): string {
  const absolute = Math.abs(deltaMs);
  const steps: [string, number, number][] = [
    ["second", 1000, 60],
    ["minute", 60_000, 60],
    ["hour", 3_600_000, 24],
    ["day", 86_400_000, Number.POSITIVE_INFINITY],
  ];
  for (const [unit, size, next] of steps) {
    const count = Math.round(absolute / size);
    if (count === 0) return "now";
    if (count < next) {
      const amount = `${count} ${unit}${count === 1 ? "" : "s"}`;
      return deltaMs > 0 ? `in ${amount}` : `${amount} ago`;
    }
  }
  return "now";
}

const indent = (text: string, prefix = "│ "): string[] => text.split("\n").map((line) => `${prefix}${line}`);
