import type {
  APIAttachment,
  APIEmbed,
  APIMessage,
  APIMessageTopLevelComponent,
  APIUser,
} from "discord-api-types/v10";
import { GatewayDispatchEvents, GatewayIntentBits, MessageFlags, MessageType } from "discord-api-types/v10";
import type { UploadedFile } from "./http.js";
import { messageJson } from "./payloads.js";
import type { ChannelRecord, EmulatorState, StoredFile, StoredMessage } from "./state.js";
import { assertNotEmpty } from "./validate.js";

type Json = Record<string, unknown>;

/** Sends a gateway dispatch to every session that asked for `intent`. */
export type Dispatch = (event: GatewayDispatchEvents, data: unknown, intent?: number) => void;

export interface MessageDeps {
  state: EmulatorState;
  dispatch: Dispatch;
  /** e.g. http://127.0.0.1:1234, used for attachment URLs. */
  baseUrl: () => string;
}

/** Flags a bot may set when sending; the rest (ephemeral aside) are Discord's to set. */
const SENDABLE_FLAGS =
  MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2;
const EDITABLE_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;

export const isEphemeral = (m: { flags?: number }) => ((m.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

function attachmentJson(
  deps: MessageDeps,
  channelId: string,
  file: StoredFile,
  description?: unknown,
): APIAttachment {
  const url = `${deps.baseUrl()}/attachments/${channelId}/${file.id}/${encodeURIComponent(file.filename)}`;
  return {
    id: file.id,
    filename: file.filename,
    size: file.content.length,
    url,
    proxy_url: url,
    content_type: file.contentType,
    ...(typeof description === "string" ? { description } : {}),
  };
}

/** Applies `attachments` + uploaded `files[n]` to a message, keeping listed existing attachments on edits. */
function applyAttachments(
  deps: MessageDeps,
  message: StoredMessage,
  body: Json,
  uploads: UploadedFile[],
): void {
  const listed = Array.isArray(body.attachments) ? (body.attachments as Json[]) : undefined;
  if (!listed && uploads.length === 0) return;
  const keptIds = new Set(listed?.map((a) => String(a.id)) ?? message.files.map((f) => f.id));
  const kept = message.files.filter((f) => keptIds.has(f.id));
  const added = uploads.map((upload) => {
    const entry = listed?.find((a) => String(a.id) === String(upload.index));
    const file: StoredFile = {
      id: deps.state.newId(),
      filename: typeof entry?.filename === "string" ? entry.filename : upload.filename,
      contentType: upload.contentType,
      content: upload.content,
    };
    return { file, description: entry?.description };
  });
  message.files = [...kept, ...added.map((a) => a.file)];
  const previous = new Map(message.attachments.map((a) => [a.id, a]));
  message.attachments = [
    ...kept.map((f) => previous.get(f.id) ?? attachmentJson(deps, message.channel_id, f)),
    ...added.map((a) => attachmentJson(deps, message.channel_id, a.file, a.description)),
  ];
}

function applyContent(deps: MessageDeps, message: StoredMessage, body: Json): void {
  if ("content" in body) message.content = typeof body.content === "string" ? body.content : "";
  if ("embeds" in body)
    message.embeds = ((body.embeds as APIEmbed[] | null) ?? []).map((e) => ({
      type: "rich" as APIEmbed["type"],
      ...e,
    }));
  if ("components" in body)
    message.components = (body.components as APIMessageTopLevelComponent[] | null) ?? [];
  const users = [...message.content.matchAll(/<@!?(\d+)>/g)].flatMap(
    (m) => deps.state.users.get(m[1] ?? "") ?? [],
  );
  message.mentions = [...new Map(users.map((u): [string, APIUser] => [u.id, u])).values()];
  message.mention_roles = [...new Set([...message.content.matchAll(/<@&(\d+)>/g)].map((m) => m[1] ?? ""))];
}

function dispatchFor(
  deps: MessageDeps,
  channel: ChannelRecord,
  event: GatewayDispatchEvents,
  data: Json,
): void {
  const intent = channel.guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
  deps.dispatch(event, { ...data, ...(channel.guildId ? { guild_id: channel.guildId } : {}) }, intent);
}

export interface CreateMessageInput {
  channel: ChannelRecord;
  body: Json;
  files: UploadedFile[];
  type?: MessageType;
  /** Flags decided by Discord (ephemeral, loading) that are OR-ed with what the bot may set. */
  extraFlags?: number;
  allowEphemeral?: boolean;
  extra?: Partial<APIMessage>;
  /** Deferred "thinking" messages start empty. */
  allowEmpty?: boolean;
}

export function createMessage(deps: MessageDeps, input: CreateMessageInput): StoredMessage {
  const { state } = deps;
  const { channel, body } = input;
  const requested = Number(body.flags ?? 0);
  const flags =
    (requested & SENDABLE_FLAGS) |
    (input.allowEphemeral ? requested & MessageFlags.Ephemeral : 0) |
    (input.extraFlags ?? 0);
  const message: StoredMessage = {
    id: state.newId(),
    channel_id: channel.id,
    author: state.botUser,
    content: "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body.tts === true,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: input.type ?? MessageType.Default,
    flags,
    files: [],
    ...(body.nonce !== undefined ? { nonce: body.nonce as string | number } : {}),
    ...(body.message_reference
      ? { message_reference: body.message_reference as APIMessage["message_reference"] }
      : {}),
    ...input.extra,
  };
  applyContent(deps, message, body);
  applyAttachments(deps, message, body, input.files);
  if (!input.allowEmpty) assertNotEmpty(message);
  state.messages.set(message.id, message);
  channel.lastMessageId = message.id;
  channel.messageCount++;
  if (!isEphemeral(message))
    dispatchFor(deps, channel, GatewayDispatchEvents.MessageCreate, { ...messageJson(message) });
  state.messageEvent({ type: "create", message });
  state.changed();
  return message;
}

export function editMessage(
  deps: MessageDeps,
  message: StoredMessage,
  body: Json,
  files: UploadedFile[],
): StoredMessage {
  const draft: StoredMessage = { ...message };
  applyContent(deps, draft, body);
  applyAttachments(deps, draft, body, files);
  if (body.flags !== undefined && body.flags !== null) {
    draft.flags = ((draft.flags ?? 0) & ~EDITABLE_FLAGS) | (Number(body.flags) & EDITABLE_FLAGS);
  }
  // Editing a deferred ("thinking") reply turns it into the real message; that is not an "edit".
  const wasLoading = ((draft.flags ?? 0) & MessageFlags.Loading) !== 0;
  draft.flags = (draft.flags ?? 0) & ~MessageFlags.Loading;
  assertNotEmpty(draft);
  if (!wasLoading) draft.edited_timestamp = new Date().toISOString();
  Object.assign(message, draft);
  const channel = deps.state.channels.get(message.channel_id);
  if (channel && !isEphemeral(message))
    dispatchFor(deps, channel, GatewayDispatchEvents.MessageUpdate, { ...messageJson(message) });
  deps.state.messageEvent({ type: "edit", message, filledIn: wasLoading });
  deps.state.changed();
  return message;
}

export function deleteMessage(deps: MessageDeps, message: StoredMessage): void {
  message.deleted = true;
  deps.state.messages.delete(message.id);
  const channel = deps.state.channels.get(message.channel_id);
  if (channel && !isEphemeral(message)) {
    dispatchFor(deps, channel, GatewayDispatchEvents.MessageDelete, {
      id: message.id,
      channel_id: message.channel_id,
    });
  }
  deps.state.messageEvent({ type: "delete", message });
  deps.state.changed();
}
