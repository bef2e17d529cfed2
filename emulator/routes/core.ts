import type { APIApplicationCommand } from "discord-api-types/v10";
import { ApplicationCommandType } from "discord-api-types/v10";
import type { EmulatorContext } from "../context.js";
import { created, HttpError, noContent, ok, type RestRequest, type Router, unknown } from "../http.js";
import { validateCommands } from "../validate-commands.js";

type Json = Record<string, unknown>;
const asJson = (v: unknown): Json =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {};

/** "global" or the guild id; also checks the application id and guild like Discord does. */
function commandScope(ctx: EmulatorContext, req: RestRequest): string {
  if (req.params.appId !== ctx.applicationId)
    throw new HttpError(403, { code: 50001, message: "Missing Access" });
  if (req.params.guildId === undefined) return "global";
  if (!ctx.state.guilds.has(req.params.guildId))
    throw new HttpError(403, { code: 50001, message: "Missing Access" });
  return req.params.guildId;
}

function toCommand(
  ctx: EmulatorContext,
  scope: string,
  input: Json,
  existing: APIApplicationCommand[],
): APIApplicationCommand {
  const type = Number(input.type ?? ApplicationCommandType.ChatInput) as ApplicationCommandType;
  const previous = existing.find((c) => c.name === input.name && c.type === type);
  return {
    id: previous?.id ?? ctx.state.newId(),
    application_id: ctx.applicationId,
    version: ctx.state.newId(),
    type,
    name: String(input.name),
    name_localizations: (input.name_localizations as APIApplicationCommand["name_localizations"]) ?? null,
    description: typeof input.description === "string" ? input.description : "",
    description_localizations:
      (input.description_localizations as APIApplicationCommand["description_localizations"]) ?? null,
    ...(Array.isArray(input.options) ? { options: input.options as APIApplicationCommand["options"] } : {}),
    default_member_permissions:
      input.default_member_permissions == null ? null : String(input.default_member_permissions),
    nsfw: input.nsfw === true,
    ...(scope === "global"
      ? {
          dm_permission: input.dm_permission !== false,
          contexts: (input.contexts as APIApplicationCommand["contexts"]) ?? null,
          integration_types: (input.integration_types as APIApplicationCommand["integration_types"]) ?? [0],
        }
      : { guild_id: scope }),
  };
}

function registerCommandRoutes(router: Router, ctx: EmulatorContext, base: string): void {
  const list = (scope: string) => ctx.state.commands.get(scope) ?? [];
  const find = (req: RestRequest) => {
    const scope = commandScope(ctx, req);
    const command = list(scope).find((c) => c.id === req.params.commandId);
    if (!command) throw unknown.command();
    return { scope, command };
  };
  router.add("GET", base, (req) => ok(list(commandScope(ctx, req))));
  router.add("PUT", base, (req) => {
    const scope = commandScope(ctx, req);
    const body = Array.isArray(req.body) ? req.body : [];
    validateCommands(body);
    const commands = body.map((c) => toCommand(ctx, scope, asJson(c), list(scope)));
    ctx.state.commands.set(scope, commands);
    ctx.state.changed();
    return ok(commands);
  });
  router.add("POST", base, (req) => {
    const scope = commandScope(ctx, req);
    const input = asJson(req.body);
    validateCommands([input]);
    const command = toCommand(ctx, scope, input, list(scope));
    const isNew = !list(scope).some((c) => c.id === command.id);
    ctx.state.commands.set(scope, [...list(scope).filter((c) => c.id !== command.id), command]);
    ctx.state.changed();
    return isNew ? created(command) : ok(command);
  });
  router.add("GET", `${base}/:commandId`, (req) => ok(find(req).command));
  router.add("PATCH", `${base}/:commandId`, (req) => {
    const { scope, command } = find(req);
    const merged = { ...command, ...asJson(req.body) };
    validateCommands([merged]);
    const updated = { ...toCommand(ctx, scope, merged, [command]), id: command.id };
    ctx.state.commands.set(
      scope,
      list(scope).map((c) => (c.id === command.id ? updated : c)),
    );
    ctx.state.changed();
    return ok(updated);
  });
  router.add("DELETE", `${base}/:commandId`, (req) => {
    const { scope, command } = find(req);
    ctx.state.commands.set(
      scope,
      list(scope).filter((c) => c.id !== command.id),
    );
    ctx.state.changed();
    return noContent();
  });
}

export function registerCoreRoutes(router: Router, ctx: EmulatorContext): void {
  const { state } = ctx;
  const gatewayInfo = () => ({
    url: ctx.gatewayUrl(),
    shards: ctx.options.shards,
    session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 1 },
  });
  router.add("GET", "/gateway", () => ok({ url: ctx.gatewayUrl() }), { auth: false });
  router.add("GET", "/gateway/bot", () => ok(gatewayInfo()));
  router.add("GET", "/users/@me", () => ok(state.botUser));
  router.add("GET", "/users/:userId", (req) => {
    const user = state.users.get(req.params.userId ?? "");
    if (!user) throw unknown.user();
    return ok(user);
  });
  router.add("GET", "/applications/@me", () => ok(ctx.application));
  router.add("GET", "/oauth2/applications/@me", () => ok(ctx.application));
  router.add("PATCH", "/applications/@me", (req) => {
    const editable = [
      "description",
      "interactions_endpoint_url",
      "tags",
      "flags",
      "install_params",
      "custom_install_url",
    ];
    const body = asJson(req.body);
    for (const key of editable) if (key in body) ctx.application[key] = body[key];
    return ok(ctx.application);
  });
  registerCommandRoutes(router, ctx, "/applications/:appId/commands");
  registerCommandRoutes(router, ctx, "/applications/:appId/guilds/:guildId/commands");
}
