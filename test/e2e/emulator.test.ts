import { once } from "node:events";
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  DiscordAPIError,
  Events,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  type TextChannel,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PING_COMMAND, type PingBot, startPingBot } from "../../emulator/bare-ping-bot.js";
import { type DefaultSeed, DiscordEmulator, EmulatorUsageError } from "../../emulator/index.js";

let emulator: DiscordEmulator;
let bot: PingBot;
let seed: DefaultSeed;

beforeAll(async () => {
  emulator = await DiscordEmulator.start({ seed: true });
  seed = emulator.seed as DefaultSeed;
  bot = await startPingBot(emulator);
});

afterAll(async () => {
  await bot?.stop();
  await emulator?.stop();
});

const textChannel = async (id: string) => (await bot.client.channels.fetch(id)) as TextChannel;

describe("discord emulator with a real discord.js client", () => {
  it("logs in: READY and GUILD_CREATE fill the client's cache", () => {
    expect(bot.client.isReady()).toBe(true);
    expect(bot.client.user.id).toBe(emulator.applicationId);
    const guild = bot.client.guilds.cache.get(seed.guildId);
    expect(guild?.name).toBe("Library Careers");
    expect(guild?.channels.cache.get(seed.channels.mentoring)?.name).toBe("mentoring");
    expect(guild?.roles.cache.get(seed.roles.moderator)?.permissions.has("ManageGuild")).toBe(true);
    expect(guild?.members.me?.id).toBe(emulator.applicationId);
    expect(emulator.gatewayStats.identifies).toBe(1);
    expect(emulator.requests.some((r) => r.method === "GET" && r.path === "/gateway/bot")).toBe(true);
    expect(emulator.commands().map((c) => c.name)).toEqual(["ping"]);
  });

  it("round-trips /ping through the gateway and the interaction callback", async () => {
    const handle = emulator.as(seed.members.seeker, { guildId: seed.guildId }).command("ping");
    const response = await handle.response();
    expect(response.type).toBe(4);
    const reply = await handle.reply();
    expect(reply.content).toBe("Pong");
    expect(reply.author.id).toBe(emulator.applicationId);
    expect(handle.ephemeral).toBe(false);
    expect(emulator.channelMessages(seed.channels.general).map((m) => m.content)).toContain("Pong");
  });

  it("answers /ping in a DM too", async () => {
    const reply = await emulator.as(seed.members.librarian).command("ping").reply();
    expect(reply.content).toBe("Pong");
    expect(emulator.dmMessages(seed.members.librarian).map((m) => m.id)).toContain(reply.id);
  });

  it("answers unknown routes 404 and records them", async () => {
    const error = await bot.client.rest.get("/no-such-route/123").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).status).toBe(404);
    expect((error as DiscordAPIError).code).toBe(0);
    expect(emulator.unhandledRoutes).toContainEqual({ method: "GET", path: "/no-such-route/123" });
  });

  it("answers 401 to authenticated routes without a bot token", async () => {
    const res = await fetch(`${emulator.apiUrl}/v10/users/@me`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 0, message: "401: Unauthorized" });
  });

  it("rejects a second callback for the same interaction with 40060", async () => {
    const handle = emulator.as(seed.members.seeker, { guildId: seed.guildId }).command("ping");
    await handle.reply();
    const res = await fetch(
      `${emulator.apiUrl}/v10/interactions/${handle.id}/${handle.payload.token}/callback`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: 4, data: { content: "again" } }),
      },
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: number }).code).toBe(40060);
    expect(handle.record.rejected.map((r) => r.status)).toEqual([400]);
  });

  it("refuses invalid message bodies with 50035 Invalid Form Body", async () => {
    const error = await bot.client.rest
      .post(Routes.channelMessages(seed.channels.general), { body: { content: "x".repeat(2001) } })
      .catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).rawError).toMatchObject({
      errors: { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } },
    });
  });

  it("counts lengths in characters, as Discord does, not in UTF-16 units", async () => {
    const post = (content: string) =>
      bot.client.rest
        .post(Routes.channelMessages(seed.channels.general), { body: { content } })
        .catch((e: unknown) => e);
    expect((await post("📚".repeat(2000))) as object).toHaveProperty("id");
    expect(((await post("📚".repeat(2001))) as DiscordAPIError).code).toBe(50035);
  });

  it("answers 50013 where a channel's overwrites take away what posting needs, and sends them in CHANNEL_UPDATE", async () => {
    const owner = emulator.addUser({ username: "other-owner" });
    const guild = emulator.addGuild({ name: "Not the bot's", ownerId: owner.id });
    const role = emulator.addRole(guild.id, { name: "Bots", permissions: 0n });
    emulator.updateMember(guild.id, bot.client.user.id, { roles: [role.id] });
    const channel = emulator.addChannel(guild.id, { name: "quiet" }).id;
    const post = (body: object) =>
      bot.client.rest.post(Routes.channelMessages(channel), { body }).catch((e: unknown) => e);
    const embed = { embeds: [{ title: "An article" }] };
    emulator.setChannelOverwrites(channel, [
      { id: guild.id, type: "role", deny: PermissionFlagsBits.EmbedLinks },
    ]);
    expect((await post({ content: "plain text still goes" })) as object).toHaveProperty("id");
    expect(((await post(embed)) as DiscordAPIError).code).toBe(50013);
    // A role's allow beats @everyone's deny; a member's deny beats both.
    emulator.setChannelOverwrites(channel, [
      { id: guild.id, type: "role", deny: PermissionFlagsBits.EmbedLinks },
      { id: role.id, type: "role", allow: PermissionFlagsBits.EmbedLinks },
    ]);
    expect((await post(embed)) as object).toHaveProperty("id");
    emulator.setChannelOverwrites(channel, [
      { id: role.id, type: "role", allow: PermissionFlagsBits.SendMessages },
      { id: bot.client.user.id, type: "member", deny: PermissionFlagsBits.SendMessages },
    ]);
    const refused = (await post({ content: "no" })) as DiscordAPIError;
    expect([refused.status, refused.code]).toEqual([403, 50013]);
    await vi.waitFor(() => {
      const cached = bot.client.channels.cache.get(channel) as TextChannel;
      expect(cached.permissionOverwrites.cache.get(bot.client.user.id)?.deny.has("SendMessages")).toBe(true);
    });
  });

  it("answers 50007 when the user's DMs are closed", async () => {
    emulator.setDmsOpen(seed.members.moderator, false);
    const user = await bot.client.users.fetch(seed.members.moderator);
    const error = await user.send("Reminder: office hours").catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50007);
    expect((error as DiscordAPIError).status).toBe(403);
    expect(emulator.dmMessages(seed.members.moderator)).toHaveLength(0);
    emulator.setDmsOpen(seed.members.moderator, true);
    await user.send("Reminder: office hours");
    expect(emulator.dmMessages(seed.members.moderator).map((m) => m.content)).toEqual([
      "Reminder: office hours",
    ]);
  });

  it("deduplicates messages that repeat a nonce with enforce_nonce", async () => {
    const channel = await textChannel(seed.channels.careerArticles);
    const first = await channel.send({ content: "New article", nonce: "article-42", enforceNonce: true });
    const second = await channel.send({ content: "New article", nonce: "article-42", enforceNonce: true });
    expect(second.id).toBe(first.id);
    await channel.send({ content: "New article", nonce: "article-42" });
    expect(emulator.channelMessages(seed.channels.careerArticles)).toHaveLength(2);
  });

  it("parses multipart bodies: payload_json and files", async () => {
    const channel = await textChannel(seed.channels.modLog);
    const sent = await channel.send({
      content: "export attached",
      files: [new AttachmentBuilder(Buffer.from("name,role\ncasey,librarian\n"), { name: "export.csv" })],
    });
    const stored = emulator.message(sent.id);
    expect(stored?.content).toBe("export attached");
    expect(stored?.files.map((f) => [f.filename, f.content.toString()])).toEqual([
      ["export.csv", "name,role\ncasey,librarian\n"],
    ]);
    expect(sent.attachments.first()?.name).toBe("export.csv");
    const request = emulator.requests.findLast(
      (r) => r.path === `/channels/${seed.channels.modLog}/messages`,
    );
    expect(request?.files).toEqual([expect.objectContaining({ filename: "export.csv", size: 26 })]);
    const download = await fetch(sent.attachments.first()?.url ?? "");
    expect(await download.text()).toBe("name,role\ncasey,librarian\n");
  });

  it("lets the client RESUME after close code 4000, replaying what it missed", async () => {
    const before = emulator.gatewayStats;
    const resumed = once(bot.client, Events.ShardResume);
    emulator.closeGatewayConnections(4000);
    // Dispatched while the client is disconnected: it must arrive through the RESUME replay.
    const handle = emulator.as(seed.members.seeker, { guildId: seed.guildId }).command("ping");
    await resumed;
    expect(emulator.gatewayStats.resumes).toBe(before.resumes + 1);
    expect(emulator.gatewayStats.identifies).toBe(before.identifies);
    expect((await handle.reply()).content).toBe("Pong");
    const after = await emulator.as(seed.members.seeker, { guildId: seed.guildId }).command("ping").reply();
    expect(after.content).toBe("Pong");
  });
});

describe("interaction features, driven by a few extra handlers on the same client", () => {
  beforeAll(async () => {
    await bot.client.application.commands.set([
      PING_COMMAND,
      { name: "defer", description: "Deferred ephemeral reply with follow-ups" },
      { name: "menu", description: "Buttons and a select" },
      { name: "intro", description: "Shows a modal" },
      new SlashCommandBuilder()
        .setName("match")
        .setDescription("Options of every kind")
        .addSubcommandGroup((g) =>
          g
            .setName("mentor")
            .setDescription("Mentor tools")
            .addSubcommand((s) =>
              s
                .setName("assign")
                .setDescription("Assign a mentor")
                .addUserOption((o) => o.setName("who").setDescription("Mentor").setRequired(true))
                .addChannelOption((o) => o.setName("where").setDescription("Channel"))
                .addRoleOption((o) => o.setName("role").setDescription("Role"))
                .addIntegerOption((o) => o.setName("days").setDescription("Days").setMinValue(1))
                .addStringOption((o) =>
                  o.setName("library").setDescription("Library type").setAutocomplete(true),
                ),
            ),
        )
        .toJSON(),
    ]);
    bot.client.on(Events.InteractionCreate, async (i) => {
      if (i.isAutocomplete()) {
        await i.respond([{ name: `typed ${i.options.getFocused()}`, value: "academic" }]);
      } else if (i.isChatInputCommand() && i.commandName === "defer") {
        await i.deferReply({ flags: MessageFlags.Ephemeral });
        await i.editReply("Saved your preferences");
        await i.followUp({ content: "Only you can see this", flags: MessageFlags.Ephemeral });
        await i.followUp("Everyone can see this");
      } else if (i.isChatInputCommand() && i.commandName === "menu") {
        const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId("accept").setLabel("Accept").setStyle(ButtonStyle.Success),
          new ButtonBuilder().setCustomId("later").setLabel("Later").setStyle(ButtonStyle.Secondary),
        );
        const select = new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
          new StringSelectMenuBuilder()
            .setCustomId("type")
            .addOptions({ label: "Academic", value: "academic" }, { label: "Public", value: "public" }),
        );
        await i.reply({ content: "Request from Jordan", components: [buttons, select] });
      } else if (i.isChatInputCommand() && i.commandName === "intro") {
        const input = new TextInputBuilder()
          .setCustomId("bio")
          .setLabel("Bio")
          .setStyle(TextInputStyle.Paragraph);
        await i.showModal(
          new ModalBuilder()
            .setCustomId("intro-modal")
            .setTitle("Introduce yourself")
            .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
        );
      } else if (i.isChatInputCommand() && i.commandName === "match") {
        const o = i.options;
        await i.reply(
          [
            `${o.getSubcommandGroup()}/${o.getSubcommand()}`,
            o.getUser("who", true).username,
            o.getMember("who") ? "member" : "no-member",
            o.getChannel("where")?.name,
            o.getRole("role")?.name,
            o.getInteger("days"),
            i.memberPermissions?.has("ManageGuild") ? "can-manage" : "cannot-manage",
          ].join(" "),
        );
      } else if (i.isButton() && i.customId === "accept") {
        await i.update({ content: "Accepted", components: [] });
      } else if (i.isButton() && i.customId === "later") {
        await i.deferUpdate();
        await i.editReply({ content: "Snoozed" });
      } else if (i.isStringSelectMenu()) {
        await i.reply({ content: `Picked ${i.values.join(",")}`, flags: MessageFlags.Ephemeral });
      } else if (i.isModalSubmit()) {
        await i.reply(`Bio: ${i.fields.getTextInputValue("bio")}`);
      }
    });
  });

  const inGeneral = () => emulator.as(seed.members.seeker, { guildId: seed.guildId });

  it("waits through a deferred reply for the edit, and tracks follow-ups", async () => {
    const handle = inGeneral().command("defer");
    expect((await handle.response()).type).toBe(5);
    expect((await handle.reply()).content).toBe("Saved your preferences");
    expect(handle.ephemeral).toBe(true);
    expect((await handle.waitForFollowUp(2)).content).toBe("Everyone can see this");
    expect(handle.followUps().map((m) => (m.flags ?? 0) & MessageFlags.Ephemeral)).toEqual([64, 0]);
  });

  it("clicks buttons (update, deferred update) and picks from a select menu", async () => {
    const first = await inGeneral().command("menu").reply();
    const accept = inGeneral().click(first, "accept");
    expect((await accept.response()).type).toBe(7);
    expect(emulator.message(first.id)?.content).toBe("Accepted");
    expect(emulator.message(first.id)?.components).toEqual([]);

    const second = await inGeneral().command("menu").reply();
    const later = inGeneral().click(second, "later");
    expect((await later.response()).type).toBe(6);
    expect((await later.reply()).content).toBe("Snoozed");

    const pick = inGeneral().select(second, "type", ["public"]);
    expect((await pick.reply()).content).toBe("Picked public");
    expect(pick.ephemeral).toBe(true);
    expect(() => inGeneral().select(second, "type", ["school"])).toThrow(EmulatorUsageError);
  });

  it("tells onMessage listeners what the bot created, edited and deleted, ephemeral messages included", async () => {
    const events: string[] = [];
    const stop = emulator.onMessage((event) => {
      const filledIn = event.type === "edit" && event.filledIn ? " (filled in)" : "";
      events.push(`${event.type}${filledIn}: ${event.message.content}`);
    });
    await inGeneral().command("defer").waitForFollowUp(2);
    const menu = await inGeneral().command("menu").reply();
    await inGeneral().click(menu, "later").reply();
    const channel = await bot.client.channels.fetch(menu.channel_id);
    if (!channel?.isTextBased() || channel.isDMBased()) throw new Error("expected a guild text channel");
    await channel.messages.delete(menu.id);
    stop();
    await inGeneral().command("menu").reply();
    expect(events).toEqual([
      "create: ",
      "edit (filled in): Saved your preferences",
      "create: Only you can see this",
      "create: Everyone can see this",
      "create: Request from Jordan",
      "edit: Snoozed",
      "delete: Snoozed",
    ]);
  });

  it("submits the modal the bot showed", async () => {
    const modal = await inGeneral().command("intro").modal();
    expect(modal.title).toBe("Introduce yourself");
    const submit = inGeneral().submitModal("intro-modal", { bio: "Archivist in training" });
    expect((await submit.reply()).content).toBe("Bio: Archivist in training");
    expect(() => inGeneral().submitModal("intro-modal", { nickname: "x", bio: "y" })).toThrow(
      /no field nickname/,
    );
  });

  it("builds typed options, resolved data and member permissions from the registered command", async () => {
    const options = {
      who: seed.members.librarian,
      where: seed.channels.mentoring,
      role: seed.roles.moderator,
      days: 3,
    };
    const asModerator = emulator.as(seed.members.moderator, { guildId: seed.guildId });
    const reply = await asModerator
      .command("match", { group: "mentor", subcommand: "assign", options })
      .reply();
    expect(reply.content).toBe("mentor/assign casey member mentoring Moderator 3 can-manage");
    const asSeeker = await inGeneral()
      .command("match", { group: "mentor", subcommand: "assign", options })
      .reply();
    expect(asSeeker.content).toMatch(/cannot-manage$/);
    const choices = await inGeneral().autocomplete(
      "match",
      { group: "mentor", subcommand: "assign", options: { who: seed.members.librarian, library: "aca" } },
      "library",
    );
    expect(choices).toEqual([{ name: "typed aca", value: "academic" }]);
    const bad = { group: "mentor", subcommand: "assign", options: { who: seed.members.librarian, days: 0 } };
    expect(() => inGeneral().command("match", bad)).toThrow(/below 1/);
    expect(() => inGeneral().command("nope")).toThrow(/No command \/nope/);
  });

  it("creates private threads and adds members through discord.js", async () => {
    const channel = await textChannel(seed.channels.mentoring);
    const thread = await channel.threads.create({
      name: "jordan-casey",
      type: ChannelType.PrivateThread,
      invitable: false,
    });
    await thread.members.add(seed.members.seeker);
    await thread.send("Welcome, Jordan and Casey");
    const [info] = emulator.threads(seed.channels.mentoring).filter((t) => t.id === thread.id);
    expect(info).toMatchObject({ name: "jordan-casey", type: ChannelType.PrivateThread, invitable: false });
    expect(emulator.threadMembers(thread.id)).toEqual([emulator.applicationId, seed.members.seeker]);
    expect(emulator.channelMessages(thread.id).map((m) => m.content)).toEqual(["Welcome, Jordan and Casey"]);
  });
});

describe("the bare bot as a benchmark baseline", () => {
  it("sends the answer it is given word for word, as the bot that first sent it did", async () => {
    const own = await DiscordEmulator.start({ seed: true });
    const answer = {
      content: "**1** librarian for **Academic library**",
      embeds: [{ title: "Cataloger", fields: [{ name: "Talks by", value: "Phone", inline: true }] }],
      components: [{ type: 1, components: [{ type: 2, style: 1, label: "Ask", custom_id: "ask|1" }] }],
      flags: MessageFlags.Ephemeral,
    };
    const echo = await startPingBot(own, { answer });
    try {
      const { members, guildId } = own.seed as DefaultSeed;
      const handle = own.as(members.seeker, { guildId }).command("ping");
      expect((await handle.reply()).embeds[0]?.title).toBe("Cataloger");
      const sent = own.requests.findLast((request) => request.path.endsWith("/callback"))?.body;
      expect(sent).toEqual({
        type: 4,
        data: { ...answer, tts: false, enforce_nonce: false, allowed_mentions: { parse: [] } },
      });
    } finally {
      await echo.stop();
      await own.stop();
    }
  });
});

describe("emulator health", () => {
  it("threw no internal errors and saw no unexpected routes during the run", () => {
    expect(emulator.internalErrors).toEqual([]);
    expect(emulator.unhandledRoutes).toEqual([{ method: "GET", path: "/no-such-route/123" }]);
  });
});
