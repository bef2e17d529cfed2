import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type AttachmentPayload,
  type BaseMessageOptions,
  DiscordAPIError,
  type InteractionReplyOptions,
  type Message,
  type MessageCreateOptions,
  MessageFlags,
  type MessageMentionOptions,
  RESTJSONErrorCodes,
  type RepliableInteraction,
  type User,
} from "discord.js";
import { LIMITS, truncate } from "./limits.js";
import type { ComponentInteraction } from "./types.js";

export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  files?: AttachmentPayload[];
  ephemeral?: boolean;
  /** Pings nobody unless a caller says so, for the one mention it means. */
  allowedMentions?: MessageMentionOptions;
  /**
   * For a message sent again after a crash: Discord drops a second message with the same nonce
   * from the bot within a few minutes and returns the first (at most 25 characters).
   */
  nonce?: string;
}

type MessageBody = BaseMessageOptions & { nonce?: string; enforceNonce?: boolean };

const NO_PINGS: MessageMentionOptions = { parse: [] };

/** The message body every send goes through: no pings by default, and text cut to Discord's limits. */
export function toMessage(reply: Reply): MessageBody {
  const body: MessageBody = {
    content: reply.content === undefined ? undefined : truncate(reply.content, LIMITS.content),
    embeds: reply.embeds && fitEmbeds(reply.embeds),
    components: reply.components,
    files: reply.files,
    allowedMentions: reply.allowedMentions ?? NO_PINGS,
  };
  return reply.nonce === undefined ? body : { ...body, nonce: reply.nonce, enforceNonce: true };
}

/** Answers an interaction whatever state it is in: first reply, after a defer, or as a follow-up. */
export async function respond(interaction: RepliableInteraction, reply: Reply): Promise<void> {
  const message = toMessage(reply);
  if (interaction.deferred && !interaction.replied) {
    if (reply.ephemeral && !interaction.ephemeral) {
      // A public "thinking…" cannot turn private: replace it with an ephemeral follow-up.
      await interaction.deleteReply().catch(() => undefined);
      await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    } else {
      await interaction.editReply(message);
    }
    return;
  }
  const options: InteractionReplyOptions = reply.ephemeral
    ? { ...message, flags: MessageFlags.Ephemeral }
    : message;
  if (interaction.replied) await interaction.followUp(options);
  else await interaction.reply(options);
}

/** Replaces the message a button or select menu sits on. */
export async function updateMessage(interaction: ComponentInteraction, reply: Reply): Promise<void> {
  const message = toMessage(reply);
  if (interaction.deferred || interaction.replied) await interaction.editReply(message);
  else if (!interaction.isModalSubmit() || interaction.isFromMessage()) await interaction.update(message);
  else await respond(interaction, reply);
}

/** Sends a DM and resolves to the message, or to undefined when the user does not accept DMs from the bot. */
export async function sendDmMessage(user: User, reply: Reply): Promise<Message | undefined> {
  try {
    return await user.send(toMessage(reply) as MessageCreateOptions);
  } catch (error) {
    if (isClosedDms(error)) return undefined;
    throw error;
  }
}

/** Sends a DM. Resolves to false when the user does not accept DMs from the bot. */
export async function sendDm(user: User, reply: Reply): Promise<boolean> {
  return (await sendDmMessage(user, reply)) !== undefined;
}

export const isClosedDms = (error: unknown): boolean =>
  error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser;

/**
 * Each embed within its own limits, and all of them within the 6,000 characters Discord allows a
 * message's embeds together. Cut from the last embed back: the first usually matter most.
 */
function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const fitted: APIEmbed[] = [];
  let over = -LIMITS.embedTotal;
  for (const embed of embeds.slice(0, LIMITS.embedsPerMessage)) {
    const fit = fitEmbed(embed);
    fitted.push(fit);
    over += embedLength(fit);
  }
  for (let i = fitted.length - 1; over > 0 && i >= 0; i--) {
    const embed = fitted[i] as APIEmbed;
    const shrunk = shrinkEmbed(embed, over);
    over -= embedLength(embed) - embedLength(shrunk);
    fitted[i] = shrunk;
  }
  return fitted;
}

/** The embed itself when it keeps every limit of its parts (the usual case), else a copy cut to them. */
function fitEmbed(embed: APIEmbed): APIEmbed {
  if (keepsLimits(embed)) return embed;
  const fitted: APIEmbed = { ...embed };
  if (fitted.title) fitted.title = truncate(fitted.title, LIMITS.embedTitle);
  if (fitted.description) fitted.description = truncate(fitted.description, LIMITS.embedDescription);
  if (fitted.footer) fitted.footer = { ...fitted.footer, text: truncate(fitted.footer.text, LIMITS.footer) };
  if (fitted.author) fitted.author = { ...fitted.author, name: truncate(fitted.author.name, LIMITS.author) };
  if (fitted.fields) {
    fitted.fields = fitted.fields.slice(0, LIMITS.embedFields).map((field) => ({
      ...field,
      name: truncate(field.name, LIMITS.fieldName) || "\u200b",
      value: truncate(field.value, LIMITS.fieldValue) || "\u200b",
    }));
  }
  return fitted;
}

function keepsLimits(embed: APIEmbed): boolean {
  if (
    (embed.title?.length ?? 0) > LIMITS.embedTitle ||
    (embed.description?.length ?? 0) > LIMITS.embedDescription ||
    (embed.footer?.text.length ?? 0) > LIMITS.footer ||
    (embed.author?.name.length ?? 0) > LIMITS.author
  )
    return false;
  const fields = embed.fields ?? [];
  if (fields.length > LIMITS.embedFields) return false;
  for (const { name, value } of fields) {
    if (name.length === 0 || name.length > LIMITS.fieldName) return false;
    if (value.length === 0 || value.length > LIMITS.fieldValue) return false;
  }
  return true;
}

/** A copy of `embed` shorter by at least `over` characters, or as short as it gets: fields go first, from the last. */
function shrinkEmbed(embed: APIEmbed, over: number): APIEmbed {
  const shrunk: APIEmbed = { ...embed, fields: embed.fields && [...embed.fields] };
  let left = over;
  while (left > 0 && shrunk.fields?.length) {
    const field = shrunk.fields.pop();
    left -= (field?.name.length ?? 0) + (field?.value.length ?? 0);
  }
  for (const part of ["description", "title"] as const) {
    const text = shrunk[part];
    if (left <= 0 || !text) continue;
    const cut = text.length > left + 1 ? truncate(text, text.length - left) : undefined;
    left -= text.length - (cut?.length ?? 0);
    shrunk[part] = cut;
  }
  if (left > 0 && shrunk.footer) {
    left -= shrunk.footer.text.length;
    shrunk.footer = undefined;
  }
  return shrunk;
}

function embedLength(embed: APIEmbed): number {
  let length =
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) length += field.name.length + field.value.length;
  return length;
}
