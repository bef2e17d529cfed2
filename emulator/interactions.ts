import type {
  APIApplicationCommandOptionChoice,
  APIInteraction,
  APIModalInteractionResponseCallbackData,
} from "discord-api-types/v10";
import { InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import type { EmulatorState, StoredMessage } from "./state.js";
import { waitFor } from "./wait.js";

export interface RejectedRequest {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

export interface InteractionRecord {
  id: string;
  token: string;
  /** Human-readable, e.g. "/mentor pause" or "button 'accept'". */
  label: string;
  payload: APIInteraction;
  userId: string;
  channelId: string;
  guildId: string | null;
  createdAt: number;
  responseType: InteractionResponseType | null;
  responseData: unknown;
  originalMessageId: string | null;
  /** The message whose component was used, for component interactions and modals opened from one. */
  sourceMessageId: string | null;
  followUpIds: string[];
  /** Times the original response was edited through the webhook. */
  originalEdits: number;
  rejected: RejectedRequest[];
  dispatchedTo: number;
}

export class InteractionRegistry {
  readonly #byId = new Map<string, InteractionRecord>();
  readonly #byToken = new Map<string, InteractionRecord>();

  add(record: InteractionRecord): void {
    this.#byId.set(record.id, record);
    this.#byToken.set(record.token, record);
  }

  get(id: string): InteractionRecord | undefined {
    return this.#byId.get(id);
  }

  byToken(token: string): InteractionRecord | undefined {
    return this.#byToken.get(token);
  }

  all(): InteractionRecord[] {
    return [...this.#byId.values()];
  }
}

export interface InteractionResponse {
  type: InteractionResponseType;
  data: unknown;
}

const RESPONSE_NAMES: Record<number, string> = {
  4: "a message (4)",
  5: "a deferred reply (5)",
  6: "a deferred update (6)",
  7: "a message update (7)",
  8: "autocomplete choices (8)",
  9: "a modal (9)",
};

/** What a test holds after triggering an interaction: await the bot's responses through it. */
export class InteractionHandle {
  constructor(
    readonly record: InteractionRecord,
    private readonly state: EmulatorState,
    private readonly defaultTimeoutMs: number,
  ) {}

  get id(): string {
    return this.record.id;
  }

  get payload(): APIInteraction {
    return this.record.payload;
  }

  /** Whether the first response is ephemeral (flags & 64); undefined until the bot responded with a message. */
  get ephemeral(): boolean | undefined {
    const id = this.record.originalMessageId;
    const message = id ? this.state.messages.get(id) : undefined;
    return message ? ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0 : undefined;
  }

  /** Resolves with the first callback the bot sent (`{ type, data }`). */
  response(timeoutMs = this.defaultTimeoutMs): Promise<InteractionResponse> {
    return this.#wait(
      () =>
        this.record.responseType === null
          ? undefined
          : { type: this.record.responseType, data: this.record.responseData },
      timeoutMs,
      "the first response",
    );
  }

  /**
   * Resolves with the message the user finally sees for the first response: the reply (4), the
   * deferred reply once edited (5), or the component's message once updated (7) or edited after a deferred update (6).
   */
  reply(timeoutMs = this.defaultTimeoutMs): Promise<StoredMessage> {
    return this.#wait(() => this.#visibleReply(), timeoutMs, "the reply");
  }

  #visibleReply(): StoredMessage | undefined {
    const { responseType, originalMessageId } = this.record;
    if (responseType === null) return undefined;
    if (
      responseType === InteractionResponseType.ApplicationCommandAutocompleteResult ||
      responseType === InteractionResponseType.Modal
    ) {
      throw new Error(
        `Expected a reply, but the bot answered ${this.#label()} with ${RESPONSE_NAMES[responseType]}`,
      );
    }
    const message = originalMessageId ? this.state.messages.get(originalMessageId) : undefined;
    if (!message) throw new Error(`The reply to ${this.#label()} was deleted. ${this.describe()}`);
    if (responseType === InteractionResponseType.DeferredChannelMessageWithSource) {
      return ((message.flags ?? 0) & MessageFlags.Loading) === 0 ? message : undefined;
    }
    if (responseType === InteractionResponseType.DeferredMessageUpdate) {
      return this.record.originalEdits > 0 ? message : undefined;
    }
    return message;
  }

  /** Follow-up messages so far (the first follow-up to a still-loading deferred reply is that reply, as on Discord). */
  followUps(): StoredMessage[] {
    return this.record.followUpIds.flatMap((id) => this.state.messages.get(id) ?? []);
  }

  /** Resolves with the n-th follow-up (1-based). */
  waitForFollowUp(n = 1, timeoutMs = this.defaultTimeoutMs): Promise<StoredMessage> {
    return this.#wait(() => this.followUps()[n - 1], timeoutMs, `follow-up #${n}`);
  }

  /** Resolves with the modal the bot showed. */
  modal(timeoutMs = this.defaultTimeoutMs): Promise<APIModalInteractionResponseCallbackData> {
    return this.#wait(
      () => this.#typed(InteractionResponseType.Modal),
      timeoutMs,
      "a modal",
    ) as Promise<APIModalInteractionResponseCallbackData>;
  }

  /** Resolves with the autocomplete choices the bot answered. */
  choices(timeoutMs = this.defaultTimeoutMs): Promise<APIApplicationCommandOptionChoice[]> {
    type AutocompleteData = { choices?: APIApplicationCommandOptionChoice[] };
    const check = () => {
      const data = this.#typed(InteractionResponseType.ApplicationCommandAutocompleteResult) as
        | AutocompleteData
        | undefined;
      return data === undefined ? undefined : (data.choices ?? []);
    };
    return this.#wait(check, timeoutMs, "autocomplete choices");
  }

  #typed(type: InteractionResponseType): unknown {
    if (this.record.responseType === null) return undefined;
    if (this.record.responseType !== type) {
      throw new Error(
        `Expected ${RESPONSE_NAMES[type]}, but the bot answered ${this.#label()} with ${RESPONSE_NAMES[this.record.responseType] ?? this.record.responseType}`,
      );
    }
    return this.record.responseData ?? {};
  }

  #label(): string {
    return `${this.record.label} (interaction ${this.record.id})`;
  }

  /** A one-paragraph account of what the emulator saw for this interaction. */
  describe(): string {
    const r = this.record;
    const response =
      r.responseType === null
        ? "none"
        : `${RESPONSE_NAMES[r.responseType] ?? r.responseType} ${JSON.stringify(r.responseData ?? null).slice(0, 300)}`;
    const rejected = r.rejected.length
      ? r.rejected
          .map((x) => `${x.method} ${x.path} → ${x.status} ${JSON.stringify(x.body).slice(0, 400)}`)
          .join("; ")
      : "none";
    const original = r.originalMessageId ? this.state.messages.get(r.originalMessageId) : undefined;
    return [
      `${this.#label()} by user ${r.userId} in ${r.guildId ? `guild ${r.guildId}` : "a DM"}, channel ${r.channelId}.`,
      `Dispatched to ${r.dispatchedTo} gateway session(s).`,
      `Response: ${response}.`,
      original
        ? `Original message: ${JSON.stringify({ content: original.content, flags: original.flags, embeds: original.embeds.length })}.`
        : "",
      `Follow-ups: ${r.followUpIds.length}. Rejected requests: ${rejected}.`,
    ]
      .filter(Boolean)
      .join(" ");
  }

  #wait<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return waitFor(this.state, check, timeoutMs, () => `waiting for ${what} to ${this.describe()}`);
  }
}
