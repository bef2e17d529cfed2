import { Events } from "discord.js";
import { createRouter, type InteractionRouter } from "../core/router.js";
import type { BotContext, BotEvent } from "../core/types.js";

const routers = new WeakMap<BotContext, InteractionRouter>();

const interactionCreate: BotEvent<Events.InteractionCreate> = {
  name: Events.InteractionCreate,
  async execute(context, interaction) {
    let route = routers.get(context);
    if (!route) {
      route = createRouter(context);
      routers.set(context, route);
    }
    await route(interaction);
  },
};

export default interactionCreate;
