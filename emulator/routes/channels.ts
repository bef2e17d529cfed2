import {
  ChannelType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  PermissionFlagsBits,
} from "discord-api-types/v10";
import type { EmulatorContext } from "../context.js";
import {
  HttpError,
  noContent,
  ok,
  type RestRequest,
  type Router,
  unknown,
  wrongChannelType,
} from "../http.js";
import { createMessage, deleteMessage, editMessage, isEphemeral } from "../messages.js";
import { channelJson, memberJson, messageJson, threadMemberJson } from "../payloads.js";
import { type ChannelRecord, isThread, type StoredMessage } from "../state.js";
import { FormErrors, validateMessageBody } from "../validate.js";

type Json = Record<string, unknown>;
const asJson = (v: unknown): Json =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {};

function getChannel(ctx: EmulatorContext, id: string | undefined): ChannelRecord {
  const channel = ctx.state.channels.get(id ?? "");
  if (!channel) throw unknown.channel();
  return channel;
}

function getMessage(ctx: EmulatorContext, channel: ChannelRecord, id: string | undefined): StoredMessage {
  const message = ctx.state.messages.get(id ?? "");
  if (!message || message.channel_id !== channel.id || isEphemeral(message)) throw unknown.message();
  return message;
}

function dispatchChannel(
  ctx: EmulatorContext,
  channel: ChannelRecord,
  event: "create" | "update" | "delete",
  extra: Json = {},
) {
  const threadEvents = {
    create: GatewayDispatchEvents.ThreadCreate,
    update: GatewayDispatchEvents.ThreadUpdate,
    delete: GatewayDispatchEvents.ThreadDelete,
  };
  const channelEvents = {
    create: GatewayDispatchEvents.ChannelCreate,
    update: GatewayDispatchEvents.ChannelUpdate,
    delete: GatewayDispatchEvents.ChannelDelete,
  };
  const name = isThread(channel) ? threadEvents[event] : channelEvents[event];
  ctx.gateway.dispatch(name, { ...channelJson(ctx.state, channel), ...extra }, GatewayIntentBits.Guilds);
}

function postMessage(ctx: EmulatorContext, req: RestRequest) {
  const channel = getChannel(ctx, req.params.channelId);
  if (
    channel.type === ChannelType.DM &&
    channel.recipientId &&
    ctx.state.dmsClosed.has(channel.recipientId)
  ) {
    throw new HttpError(403, { code: 50007, message: "Cannot send messages to this user" });
  }
  if (channel.thread?.locked) throw new HttpError(403, { code: 50083, message: "Thread is locked" });
  const body = asJson(req.body);
  validateMessageBody(body);
  requireBotPermissions(ctx, channel, body);
  const nonceKey = `${ctx.state.botUser.id}:${String(body.nonce)}`;
  if (body.enforce_nonce === true && body.nonce !== undefined) {
    const seen = ctx.nonces.get(nonceKey);
    const earlier =
      seen && Date.now() - seen.at < ctx.options.nonceWindowMs
        ? ctx.state.messages.get(seen.messageId)
        : undefined;
    if (earlier) return ok(messageJson(earlier));
  }
  if (channel.thread?.archived) channel.thread.archived = false;
  const message = createMessage(ctx, { channel, body, files: req.files });
  if (body.enforce_nonce === true && body.nonce !== undefined)
    ctx.nonces.set(nonceKey, { messageId: message.id, at: Date.now() });
  return ok(messageJson(message));
}

/** Discord answers 50013 when the bot may not see the channel, send there, or embed links it sends. */
function requireBotPermissions(
  ctx: EmulatorContext,
  channel: ChannelRecord,
  body: Record<string, unknown>,
): void {
  if (!channel.guildId) return;
  const send = channel.thread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
  const embeds = Array.isArray(body.embeds) && body.embeds.length > 0 ? PermissionFlagsBits.EmbedLinks : 0n;
  const needed = PermissionFlagsBits.ViewChannel | send | embeds;
  if ((ctx.state.channelPermissionsOf(channel, ctx.state.botUser.id) & needed) !== needed) {
    throw new HttpError(403, { code: 50013, message: "Missing Permissions" });
  }
}

function listMessages(ctx: EmulatorContext, req: RestRequest) {
  const channel = getChannel(ctx, req.params.channelId);
  const limit = Math.min(Math.max(Number(req.query.get("limit") ?? 50), 1), 100);
  const before = req.query.get("before");
  const after = req.query.get("after");
  const around = req.query.get("around");
  let list = ctx.state.channelMessages(channel.id).filter((m) => !isEphemeral(m));
  const cmp = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);
  if (before) list = list.filter((m) => cmp(m.id, before) < 0).slice(-limit);
  else if (after) list = list.filter((m) => cmp(m.id, after) > 0).slice(0, limit);
  else if (around) {
    const index = list.findIndex((m) => cmp(m.id, around) >= 0);
    const start = Math.max(0, (index === -1 ? list.length : index) - Math.floor(limit / 2));
    list = list.slice(start, start + limit);
  } else list = list.slice(-limit);
  return ok(list.reverse().map(messageJson));
}

function createThread(ctx: EmulatorContext, req: RestRequest, fromMessage: StoredMessage | null) {
  const parent = getChannel(ctx, req.params.channelId);
  if (parent.type !== ChannelType.GuildText && parent.type !== ChannelType.GuildAnnouncement)
    throw wrongChannelType();
  const body = asJson(req.body);
  const errors = new FormErrors();
  errors.length(["name"], body.name, 1, 100);
  errors.throwIfAny();
  const type = fromMessage ? ChannelType.PublicThread : Number(body.type ?? ChannelType.PrivateThread);
  if (type !== ChannelType.PublicThread && type !== ChannelType.PrivateThread) throw wrongChannelType();
  const now = new Date().toISOString();
  const thread = ctx.state.addChannel({
    ...(fromMessage ? { id: fromMessage.id } : {}),
    type,
    name: String(body.name),
    guildId: parent.guildId,
    parentId: parent.id,
    ownerId: ctx.state.botUser.id,
    thread: {
      archived: false,
      locked: false,
      invitable: type === ChannelType.PrivateThread ? body.invitable !== false : true,
      autoArchiveDuration: Number(body.auto_archive_duration ?? 4320),
      archiveTimestamp: now,
      createTimestamp: now,
    },
  });
  thread.threadMembers.set(ctx.state.botUser.id, now);
  if (fromMessage) fromMessage.thread = channelJson(ctx.state, thread);
  dispatchChannel(ctx, thread, "create", { newly_created: true });
  return ok(channelJson(ctx.state, thread));
}

function threadOf(ctx: EmulatorContext, req: RestRequest): ChannelRecord {
  const thread = getChannel(ctx, req.params.channelId);
  if (!isThread(thread)) throw wrongChannelType();
  return thread;
}

function memberIdParam(ctx: EmulatorContext, req: RestRequest): string {
  return req.params.userId === "@me" ? ctx.state.botUser.id : (req.params.userId ?? "");
}

function changeThreadMembers(ctx: EmulatorContext, req: RestRequest, add: boolean) {
  const thread = threadOf(ctx, req);
  const userId = memberIdParam(ctx, req);
  const guild = ctx.state.guilds.get(thread.guildId ?? "");
  const member = guild?.members.get(userId);
  if (!member) throw unknown.member();
  if (thread.thread?.archived) throw new HttpError(400, { code: 50083, message: "Thread is archived" });
  const now = new Date().toISOString();
  if (add) thread.threadMembers.set(userId, now);
  else thread.threadMembers.delete(userId);
  ctx.gateway.dispatch(
    GatewayDispatchEvents.ThreadMembersUpdate,
    {
      id: thread.id,
      guild_id: thread.guildId,
      member_count: thread.threadMembers.size,
      ...(add
        ? {
            added_members: [
              {
                ...threadMemberJson(thread, userId, now),
                member: memberJson(ctx.state, member),
                presence: null,
              },
            ],
          }
        : { removed_member_ids: [userId] }),
    },
    GatewayIntentBits.GuildMembers,
  );
  ctx.state.changed();
  return noContent();
}

function patchChannel(ctx: EmulatorContext, req: RestRequest) {
  const channel = getChannel(ctx, req.params.channelId);
  const body = asJson(req.body);
  if (typeof body.name === "string") channel.name = body.name;
  if ("topic" in body) channel.topic = typeof body.topic === "string" ? body.topic : null;
  if (channel.thread) {
    const meta = channel.thread;
    if (typeof body.archived === "boolean") {
      meta.archived = body.archived;
      meta.archiveTimestamp = new Date().toISOString();
    }
    if (typeof body.locked === "boolean") meta.locked = body.locked;
    if (typeof body.invitable === "boolean") meta.invitable = body.invitable;
    if (body.auto_archive_duration !== undefined)
      meta.autoArchiveDuration = Number(body.auto_archive_duration);
  }
  dispatchChannel(ctx, channel, "update");
  ctx.state.changed();
  return ok(channelJson(ctx.state, channel));
}

export function registerChannelRoutes(router: Router, ctx: EmulatorContext): void {
  const { state } = ctx;
  router.add("GET", "/channels/:channelId", (req) =>
    ok(channelJson(state, getChannel(ctx, req.params.channelId))),
  );
  router.add("PATCH", "/channels/:channelId", (req) => patchChannel(ctx, req));
  router.add("DELETE", "/channels/:channelId", (req) => {
    const channel = getChannel(ctx, req.params.channelId);
    state.channels.delete(channel.id);
    dispatchChannel(ctx, channel, "delete");
    state.changed();
    return ok(channelJson(state, channel));
  });
  router.add("POST", "/channels/:channelId/typing", (req) => {
    getChannel(ctx, req.params.channelId);
    return noContent();
  });
  router.add("GET", "/channels/:channelId/messages", (req) => listMessages(ctx, req));
  router.add("POST", "/channels/:channelId/messages", (req) => postMessage(ctx, req));
  router.add("GET", "/channels/:channelId/messages/:messageId", (req) =>
    ok(messageJson(getMessage(ctx, getChannel(ctx, req.params.channelId), req.params.messageId))),
  );
  router.add("PATCH", "/channels/:channelId/messages/:messageId", (req) => {
    const message = getMessage(ctx, getChannel(ctx, req.params.channelId), req.params.messageId);
    if (message.author.id !== state.botUser.id) {
      throw new HttpError(403, { code: 50005, message: "Cannot edit a message authored by another user" });
    }
    const body = asJson(req.body);
    validateMessageBody(body);
    return ok(messageJson(editMessage(ctx, message, body, req.files)));
  });
  router.add("DELETE", "/channels/:channelId/messages/:messageId", (req) => {
    deleteMessage(ctx, getMessage(ctx, getChannel(ctx, req.params.channelId), req.params.messageId));
    return noContent();
  });
  router.add("POST", "/channels/:channelId/threads", (req) => createThread(ctx, req, null));
  router.add("POST", "/channels/:channelId/messages/:messageId/threads", (req) =>
    createThread(ctx, req, getMessage(ctx, getChannel(ctx, req.params.channelId), req.params.messageId)),
  );
  router.add("GET", "/channels/:channelId/thread-members", (req) => {
    const thread = threadOf(ctx, req);
    const withMember = req.query.get("with_member") === "true";
    const guild = state.guilds.get(thread.guildId ?? "");
    return ok(
      [...thread.threadMembers].map(([userId, joined]) => {
        const member = guild?.members.get(userId);
        return {
          ...threadMemberJson(thread, userId, joined),
          ...(withMember && member ? { member: memberJson(state, member) } : {}),
        };
      }),
    );
  });
  router.add("GET", "/channels/:channelId/thread-members/:userId", (req) => {
    const thread = threadOf(ctx, req);
    const userId = memberIdParam(ctx, req);
    const joined = thread.threadMembers.get(userId);
    if (!joined) throw unknown.member();
    return ok(threadMemberJson(thread, userId, joined));
  });
  router.add("PUT", "/channels/:channelId/thread-members/:userId", (req) =>
    changeThreadMembers(ctx, req, true),
  );
  router.add("DELETE", "/channels/:channelId/thread-members/:userId", (req) =>
    changeThreadMembers(ctx, req, false),
  );
  router.add("POST", "/users/@me/channels", (req) => {
    const recipientId = String(asJson(req.body).recipient_id ?? "");
    if (!state.users.has(recipientId)) throw unknown.user();
    return ok(channelJson(state, state.dmChannelFor(recipientId)));
  });
}
