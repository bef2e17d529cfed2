import type { BotContext } from "../../core/types.js";
import type { TimerHandler } from "../../domain/timers/index.js";

/** The timer handlers, each run after the guild its timer's payload names is synced. */
export function syncingFirst(
  handlers: Readonly<Record<string, TimerHandler>>,
  context: BotContext,
): Record<string, TimerHandler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([kind, handler]): [string, TimerHandler] => [
      kind,
      async (timer) => {
        const { payload } = timer;
        const guildId =
          typeof payload === "object" && payload !== null && "guildId" in payload && payload.guildId;
        if (typeof guildId === "string") await context.services.syncGuild(guildId);
        await handler(timer);
      },
    ]),
  );
}
