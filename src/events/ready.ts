import { Events } from "discord.js";
import type { BotEvent } from "../core/types.js";

const ready: BotEvent<Events.ClientReady> = {
  name: Events.ClientReady,
  once: true,
  execute(context, client) {
    context.logger.info(
      { user: client.user.tag, guilds: client.guilds.cache.size, commands: context.commands.size },
      "ready",
    );
  },
};

export default ready;
