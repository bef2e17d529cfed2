import type { APIMessage } from "discord-api-types/v10";
import { InteractionResponseType, InteractionType, MessageFlags, MessageType } from "discord-api-types/v10";
import type { EmulatorContext } from "../context.js";
import { HttpError, noContent, ok, type RestRequest, type Router, unknown } from "../http.js";
import type { InteractionRecord } from "../interactions.js";
import { createMessage, deleteMessage, editMessage } from "../messages.js";
import { messageJson } from "../payloads.js";
import type { StoredMessage } from "../state.js";
import { validateChoices, validateMessageBody, validateModal } from "../validate.js";

type Json = Record<string, unknown>;
const asJson = (v: unknown): Json =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {};

const R = InteractionResponseType;
/** Which callback types Discord accepts for each interaction type. */
const ALLOWED: Record<number, InteractionResponseType[]> = {
  [InteractionType.ApplicationCommand]: [
    R.ChannelMessageWithSource,
    R.DeferredChannelMessageWithSource,
    R.Modal,
  ],
  [InteractionType.MessageComponent]: [
    R.ChannelMessageWithSource,
    R.DeferredChannelMessageWithSource,
    R.DeferredMessageUpdate,
    R.UpdateMessage,
    R.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [R.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    R.ChannelMessageWithSource,
    R.DeferredChannelMessageWithSource,
    R.DeferredMessageUpdate,
    R.UpdateMessage,
  ],
};

function invalidType(type: unknown, record: InteractionRecord): HttpError {
  return new HttpError(400, {
    code: 50035,
    message: "Invalid Form Body",
    errors: {
      type: {
        _errors: [
          {
            code: "INTERACTION_RESPONSE_TYPE_INVALID",
            message: `Response type ${String(type)} is not valid for ${record.label}`,
          },
        ],
      },
    },
  });
}

export function interactionMetadata(ctx: EmulatorContext, record: InteractionRecord): Partial<APIMessage> {
  const user = ctx.state.users.get(record.userId);
  const metadata = {
    id: record.id,
    type: record.payload.type,
    user,
    authorizing_integration_owners: record.payload.authorizing_integration_owners,
    ...(record.sourceMessageId ? { interacted_message_id: record.sourceMessageId } : {}),
  };
  return {
    webhook_id: ctx.applicationId,
    application_id: ctx.applicationId,
    interaction_metadata: metadata as APIMessage["interaction_metadata"],
  };
}

function sourceMessage(ctx: EmulatorContext, record: InteractionRecord): StoredMessage {
  const message = record.sourceMessageId ? ctx.state.messages.get(record.sourceMessageId) : undefined;
  if (!message) throw unknown.message();
  return message;
}

function channelOf(ctx: EmulatorContext, record: InteractionRecord) {
  const channel = ctx.state.channels.get(record.channelId);
  if (!channel) throw unknown.channel();
  return channel;
}

function callback(ctx: EmulatorContext, req: RestRequest) {
  const record = ctx.interactions.get(req.params.id ?? "");
  if (!record || record.token !== req.params.token) throw unknown.interaction();
  if (record.responseType !== null) {
    throw new HttpError(400, { code: 40060, message: "Interaction has already been acknowledged." });
  }
  const deadline = ctx.options.interactionAckDeadlineMs;
  if (deadline > 0 && Date.now() - record.createdAt > deadline) throw unknown.interaction();
  const body = asJson(req.body);
  const type = Number(body.type) as InteractionResponseType;
  const fromComponent = record.sourceMessageId !== null;
  const updates = type === R.DeferredMessageUpdate || type === R.UpdateMessage;
  if (!(ALLOWED[record.payload.type] ?? []).includes(type) || (updates && !fromComponent))
    throw invalidType(body.type, record);
  const data = asJson(body.data);
  const isCommand = record.payload.type === InteractionType.ApplicationCommand;
  switch (type) {
    case R.ChannelMessageWithSource:
    case R.DeferredChannelMessageWithSource: {
      const deferred = type === R.DeferredChannelMessageWithSource;
      if (!deferred) validateMessageBody(data, ["data"]);
      const message = createMessage(ctx, {
        channel: channelOf(ctx, record),
        body: deferred ? { flags: data.flags } : data,
        files: deferred ? [] : req.files,
        type: isCommand ? MessageType.ChatInputCommand : MessageType.Default,
        allowEphemeral: true,
        extraFlags: deferred ? MessageFlags.Loading : 0,
        allowEmpty: deferred,
        extra: interactionMetadata(ctx, record),
      });
      record.originalMessageId = message.id;
      break;
    }
    case R.DeferredMessageUpdate:
      record.originalMessageId = sourceMessage(ctx, record).id;
      break;
    case R.UpdateMessage: {
      validateMessageBody(data, ["data"]);
      const message = sourceMessage(ctx, record);
      editMessage(ctx, message, data, req.files);
      record.originalMessageId = message.id;
      break;
    }
    case R.ApplicationCommandAutocompleteResult:
      validateChoices(data);
      break;
    case R.Modal:
      validateModal(data);
      break;
  }
  record.responseType = type;
  record.responseData = type === R.DeferredMessageUpdate ? undefined : data;
  ctx.state.changed();
  if (req.query.get("with_response") !== "true") return noContent();
  const original = record.originalMessageId ? ctx.state.messages.get(record.originalMessageId) : undefined;
  return ok({
    interaction: {
      id: record.id,
      type: record.payload.type,
      ...(original
        ? {
            response_message_id: original.id,
            response_message_loading: ((original.flags ?? 0) & MessageFlags.Loading) !== 0,
            response_message_ephemeral: ((original.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
          }
        : {}),
    },
    resource: {
      type,
      ...(original && type !== R.DeferredMessageUpdate ? { message: messageJson(original) } : {}),
    },
  });
}

function webhookRecord(ctx: EmulatorContext, req: RestRequest): InteractionRecord {
  const record = ctx.interactions.byToken(req.params.token ?? "");
  if (req.params.appId !== ctx.applicationId || !record || record.responseType === null)
    throw unknown.webhook();
  return record;
}

function webhookMessage(ctx: EmulatorContext, record: InteractionRecord, messageId: string): StoredMessage {
  const id = messageId === "@original" ? record.originalMessageId : messageId;
  const known = id !== null && (id === record.originalMessageId || record.followUpIds.includes(id));
  const message = known ? ctx.state.messages.get(id) : undefined;
  if (!message) throw unknown.message();
  return message;
}

function followUp(ctx: EmulatorContext, req: RestRequest) {
  const record = webhookRecord(ctx, req);
  const body = asJson(req.body);
  validateMessageBody(body);
  const original = record.originalMessageId ? ctx.state.messages.get(record.originalMessageId) : undefined;
  const stillLoading = original && ((original.flags ?? 0) & MessageFlags.Loading) !== 0;
  let message: StoredMessage;
  if (original && stillLoading && record.followUpIds.length === 0) {
    // Discord: the first follow-up to a deferred reply replaces the "thinking" message, keeping its ephemerality.
    message = editMessage(ctx, original, body, req.files);
    record.originalEdits++;
  } else {
    message = createMessage(ctx, {
      channel: channelOf(ctx, record),
      body,
      files: req.files,
      allowEphemeral: true,
      extra: interactionMetadata(ctx, record),
    });
  }
  record.followUpIds.push(message.id);
  ctx.state.changed();
  return req.query.get("wait") === "false" ? noContent() : ok(messageJson(message));
}

export function registerInteractionRoutes(router: Router, ctx: EmulatorContext): void {
  const open = { auth: false };
  router.add("POST", "/interactions/:id/:token/callback", (req) => callback(ctx, req), open);
  router.add("POST", "/webhooks/:appId/:token", (req) => followUp(ctx, req), open);
  router.add(
    "GET",
    "/webhooks/:appId/:token/messages/:messageId",
    (req) => ok(messageJson(webhookMessage(ctx, webhookRecord(ctx, req), req.params.messageId ?? ""))),
    open,
  );
  router.add(
    "PATCH",
    "/webhooks/:appId/:token/messages/:messageId",
    (req) => {
      const record = webhookRecord(ctx, req);
      const message = webhookMessage(ctx, record, req.params.messageId ?? "");
      const body = asJson(req.body);
      validateMessageBody(body);
      editMessage(ctx, message, body, req.files);
      if (message.id === record.originalMessageId) record.originalEdits++;
      ctx.state.changed();
      return ok(messageJson(message));
    },
    open,
  );
  router.add(
    "DELETE",
    "/webhooks/:appId/:token/messages/:messageId",
    (req) => {
      deleteMessage(ctx, webhookMessage(ctx, webhookRecord(ctx, req), req.params.messageId ?? ""));
      return noContent();
    },
    open,
  );
}
