import type { EmulatorContext } from "../context.js";
import { ok, type RestRequest, type Router, unknown } from "../http.js";
import { channelJson, guildJson, memberJson, roleJson, threadMemberJson } from "../payloads.js";
import { type GuildRecord, isThread } from "../state.js";

function getGuild(ctx: EmulatorContext, req: RestRequest): GuildRecord {
  const guild = ctx.state.guilds.get(req.params.guildId ?? "");
  if (!guild) throw unknown.guild();
  return guild;
}

export function registerGuildRoutes(router: Router, ctx: EmulatorContext): void {
  const { state } = ctx;
  const channelsOf = (guild: GuildRecord) =>
    [...state.channels.values()].filter((c) => c.guildId === guild.id);

  router.add("GET", "/guilds/:guildId", (req) => {
    const guild = getGuild(ctx, req);
    const counts =
      req.query.get("with_counts") === "true"
        ? { approximate_member_count: guild.members.size, approximate_presence_count: 0 }
        : {};
    return ok({ ...guildJson(state, guild), ...counts });
  });
  router.add("GET", "/guilds/:guildId/channels", (req) =>
    ok(
      channelsOf(getGuild(ctx, req))
        .filter((c) => !isThread(c))
        .map((c) => channelJson(state, c)),
    ),
  );
  router.add("GET", "/guilds/:guildId/threads/active", (req) => {
    const threads = channelsOf(getGuild(ctx, req)).filter((c) => isThread(c) && !c.thread?.archived);
    const botId = state.botUser.id;
    return ok({
      threads: threads.map((c) => channelJson(state, c)),
      members: threads.flatMap((c) => {
        const joined = c.threadMembers.get(botId);
        return joined ? [threadMemberJson(c, botId, joined)] : [];
      }),
    });
  });
  router.add("GET", "/guilds/:guildId/roles", (req) =>
    ok([...getGuild(ctx, req).roles.values()].map(roleJson)),
  );
  router.add("GET", "/guilds/:guildId/members", (req) => {
    const limit = Math.min(Math.max(Number(req.query.get("limit") ?? 1), 1), 1000);
    const after = BigInt(req.query.get("after") ?? "0");
    const members = [...getGuild(ctx, req).members.values()]
      .filter((m) => BigInt(m.userId) > after)
      .sort((a, b) => (BigInt(a.userId) < BigInt(b.userId) ? -1 : 1))
      .slice(0, limit);
    return ok(members.map((m) => memberJson(state, m)));
  });
  router.add("GET", "/guilds/:guildId/members/search", (req) => {
    const query = (req.query.get("query") ?? "").toLowerCase();
    const limit = Math.min(Math.max(Number(req.query.get("limit") ?? 1), 1), 1000);
    const members = [...getGuild(ctx, req).members.values()].filter((m) => {
      const user = state.users.get(m.userId);
      return [user?.username, user?.global_name, m.nick].some((name) =>
        name?.toLowerCase().startsWith(query),
      );
    });
    return ok(members.slice(0, limit).map((m) => memberJson(state, m)));
  });
  router.add("GET", "/guilds/:guildId/members/:userId", (req) => {
    const userId = req.params.userId === "@me" ? state.botUser.id : (req.params.userId ?? "");
    const member = getGuild(ctx, req).members.get(userId);
    if (!member) throw unknown.member();
    return ok(memberJson(state, member));
  });
}
