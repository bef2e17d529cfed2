import type { BotContext } from "../../src/core/types.js";
import type { SandboxWorld } from "./world.js";

/** Data the sandbox starts with, so its commands show something at once. Idempotent. */
export async function seedSandboxData(_context: BotContext, _world: SandboxWorld): Promise<void> {}
