import { Events } from "discord.js";
import type { BotEvent } from "../core/types.js";

const clientError: BotEvent<Events.Error> = {
  name: Events.Error,
  execute(context, error) {
    context.logger.error({ err: error }, "discord client error");
  },
};

export default clientError;
