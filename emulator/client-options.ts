import type { ClientOptions } from "discord.js";

/** What a discord.js Client needs to talk to the emulator quickly. */
export interface EmulatorEndpoint {
  apiUrl: string;
}

/**
 * Client options for the emulator: point REST at it (the gateway URL then comes from GET /gateway/bot),
 * lift the client-side 50 req/s global REST limit, and skip the 5 s identify throttle between re-identifies.
 */
export function emulatorClientOptions(endpoint: EmulatorEndpoint): Pick<ClientOptions, "rest" | "ws"> {
  return {
    rest: { api: endpoint.apiUrl, globalRequestsPerSecond: 10_000 },
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
  };
}
