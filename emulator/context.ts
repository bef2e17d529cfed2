import type { GatewayServer } from "./gateway.js";
import type { InteractionRegistry } from "./interactions.js";
import type { MessageDeps } from "./messages.js";

export interface ResolvedOptions {
  /** Default for every wait (handles, waitForMessage), in ms. */
  timeoutMs: number;
  /** Discord's 3 s window to acknowledge an interaction; 0 turns the check off. */
  interactionAckDeadlineMs: number;
  heartbeatIntervalMs: number;
  /** How long a `nonce` with `enforce_nonce: true` deduplicates messages. */
  nonceWindowMs: number;
  /** When set, only this token is accepted; otherwise any non-empty bot token is. */
  strictToken: string | null;
  /** The shard count `GET /gateway/bot` recommends. */
  shards: number;
}

/** Everything route handlers need, shared by the emulator's parts. */
export interface EmulatorContext extends MessageDeps {
  applicationId: string;
  botToken: string;
  gateway: GatewayServer;
  interactions: InteractionRegistry;
  gatewayUrl: () => string;
  options: ResolvedOptions;
  /** `${authorId}:${nonce}` → the message it created and when. */
  nonces: Map<string, { messageId: string; at: number }>;
  application: Record<string, unknown>;
}
