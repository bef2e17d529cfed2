import { setTimeout as sleep } from "node:timers/promises";
import {
  type APIModalInteractionResponseCallbackData,
  ChannelType,
  InteractionResponseType,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { DiscordEmulator, InteractionHandle, StoredMessage } from "../../emulator/index.js";
import { checkFieldAnswer, choicesLine, fieldPrompt, formFieldsOf } from "./form.js";
import { parseCommandLine } from "./parse.js";
import { permissionNames, plainError } from "./plain-errors.js";
import { controlsOf, type MentionNames, renderMessage } from "./render.js";
import type { SampleFeedServer } from "./sample-feeds.js";
import type { SandboxMember, SandboxWorld } from "./world.js";

export type ReadLine = (prompt: string) => Promise<string | undefined>;

/** Every verb of the console, one line each; `help` prints it. */
export const CONSOLE_HELP = `Slash commands are typed as in Discord, options in order or as name:value:
  /questions public-library        /questions academic topic:hiring-and-career share:true
Verbs:
  press 2  (or just 2)    press button 2 of the last answer
  select 3 1,2            pick choices 1 and 2 in menu 3 of the last answer
  earlier                 use the buttons of the message before it (again: further back)
  as ada                  act as another member
  who                     the members you can act as
  dms                     your latest direct messages from the bot
  channels                the server's channels
  read mod-log            the latest messages in a channel or thread (read 1: thread 1 of \`threads\`)
  threads                 the threads the bot opened, numbered
  roles                   the server's roles, for /feeds add mention:
  feeds                   sample feeds served on this machine, to try /feeds add
  feeds new               publish a new article in each sample feed
  help                    this list
  quit                    leave (also Ctrl+D)
Forms are asked field by field; a field that doesn't fit is asked again.`;

const EPHEMERAL = MessageFlags.Ephemeral;
const LOADING = MessageFlags.Loading;
const THREAD_TYPES = new Set([ChannelType.PublicThread, ChannelType.PrivateThread]);

/** Reads console lines and acts them out on the emulator as the current member. */
export class SandboxConsole {
  #member: SandboxMember;
  #last: StoredMessage | undefined;
  #busy = false;
  /** Message id → the text last printed for it, so an edit is printed once and only when it shows. */
  readonly #shown = new Map<string, string>();
  readonly #edited = new Set<string>();
  #lastEventAt = 0;
  readonly #stopListening: () => void;
  readonly #names: MentionNames;

  constructor(
    private readonly emulator: DiscordEmulator,
    private readonly world: SandboxWorld,
    private readonly commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
    private readonly print: (text: string) => void,
    private readonly sampleFeeds?: SampleFeedServer,
  ) {
    const first = world.members[0];
    if (!first) throw new Error("the sandbox needs members");
    this.#member = first;
    this.#names = {
      user: (id) => this.emulator.state.users.get(id)?.username,
      channel: (id) => this.emulator.guildChannels(world.guildId).find((c) => c.id === id)?.name,
      role: (id) => this.emulator.roles(world.guildId).find((r) => r.id === id)?.name,
    };
    for (const message of emulator.allMessages()) this.#shown.set(message.id, this.#render(message));
    this.#stopListening = emulator.onMessage((event) => {
      this.#lastEventAt = Date.now();
      if (event.type === "edit") this.#edited.add(event.message.id);
    });
  }

  get member(): SandboxMember {
    return this.#member;
  }

  /** False while a line is being acted on; news is then printed at its end, not in the middle. */
  get idle(): boolean {
    return !this.#busy;
  }

  /** Acts on one line, then prints what the bot did meanwhile; false when the user asked to quit. */
  async handle(line: string, readLine: ReadLine): Promise<boolean> {
    const input = line.trim();
    if (!input || input.startsWith("#")) return true;
    const [word = "", ...rest] = input.split(/\s+/);
    const argument = rest.join(" ");
    const interacts = input.startsWith("/") || /^(\d+|press|click|select)$/.test(word);
    this.#busy = true;
    try {
      if (input.startsWith("/")) await this.#command(input, readLine);
      else if (/^\d+$/.test(word)) await this.#press(Number(word), readLine);
      else if (word === "press" || word === "click") await this.#press(Number(rest[0]), readLine);
      else if (word === "select") await this.#select(Number(rest[0]), rest.slice(1).join(" "), readLine);
      else if (word === "earlier") this.#earlier();
      else if (word === "as") this.#switch(argument);
      else if (word === "who" || word === "members") this.#who();
      else if (word === "dms") this.#dms();
      else if (word === "read") this.#read(argument || "general");
      else if (word === "threads") this.#threads();
      else if (word === "channels") this.#channels();
      else if (word === "roles") this.#roles();
      else if (word === "feeds") this.#feeds(argument);
      else if (word === "help" || word === "?") this.print(CONSOLE_HELP);
      else if (word === "quit" || word === "exit") return false;
      else this.print(`I don't know "${word}". Type help for what you can do.`);
    } catch (error) {
      this.print(`! ${plainError(error instanceof Error ? error.message : String(error))}`);
    } finally {
      if (interacts) await this.settle();
      for (const block of this.news()) this.print(block);
      this.#busy = false;
    }
    return true;
  }

  /** Waits until the bot has touched no message for `quietMs` (at most `maxMs`), so its work shows in order. */
  async settle(quietMs = 300, maxMs = 5000): Promise<void> {
    const start = Date.now();
    for (;;) {
      const quietFor = Date.now() - Math.max(this.#lastEventAt, start);
      if (quietFor >= quietMs || Date.now() - start >= maxMs) return;
      await sleep(quietMs - quietFor);
    }
  }

  /** What the bot did since last asked and has not been printed: new messages anywhere, and edits. */
  news(): string[] {
    const blocks: string[] = [];
    for (const message of this.emulator.allMessages()) {
      if ((message.flags ?? 0) & LOADING) continue;
      const seen = this.#shown.get(message.id);
      if (seen !== undefined && !this.#edited.has(message.id)) continue;
      const text = this.#render(message);
      if (seen === text) continue;
      this.#shown.set(message.id, text);
      if (this.#visible(message)) this.#remember(message);
      const where = this.#where(message);
      const body = seen === undefined ? text : `(edited) ${text}`;
      blocks.push(where ? `── ${where} ──\n${body}` : body);
    }
    this.#edited.clear();
    return blocks;
  }

  close(): void {
    this.#stopListening();
  }

  #actor() {
    return this.emulator.as(this.#member.id, {
      guildId: this.world.guildId,
      channelId: this.world.channels.general,
    });
  }

  async #command(line: string, readLine: ReadLine) {
    const resolve = (type: "user" | "channel" | "role", raw: string) => this.#resolve(type, raw);
    const parsed = parseCommandLine(line, this.commands, resolve);
    this.#requirePermissions(parsed.name);
    const [group, subcommand] = parsed.path.length === 2 ? parsed.path : [undefined, parsed.path[0]];
    const input = subcommand ? { group, subcommand, options: parsed.options } : parsed.options;
    await this.#follow(this.#actor().command(parsed.name, input), readLine, undefined);
  }

  /** Discord hides a command from members without its default permissions; say who can use it. */
  #requirePermissions(name: string) {
    const definition = this.commands.find((command) => command.name === name);
    if (definition?.default_member_permissions == null) return;
    const needed = BigInt(definition.default_member_permissions);
    const has = (member: SandboxMember) =>
      (this.emulator.state.permissionsOf(this.world.guildId, member.id) & needed) === needed;
    if (has(this.#member)) return;
    const permission = permissionNames(needed).join(" and ") || "special permissions";
    const allowed = this.world.members.filter(has);
    const who = allowed[0]
      ? ` ${allowed.map((m) => `${m.name} (${m.description})`).join(", ")} can: type \`as ${allowed[0].name}\`.`
      : "";
    throw new Error(
      `Only members with ${permission} see /${name}; Discord doesn't show it to ${this.#member.name}.${who}`,
    );
  }

  async #press(number: number, readLine: ReadLine) {
    const control = this.#control(number, "button");
    await this.#follow(this.#actor().click(this.#lastOrThrow(), control.customId), readLine, this.#last);
  }

  async #select(number: number, picks: string, readLine: ReadLine) {
    const control = this.#control(number, "select");
    const values = picks
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((pick) => (/^\d+$/.test(pick) ? (control.options?.[Number(pick) - 1]?.value ?? pick) : pick));
    await this.#follow(
      this.#actor().select(this.#lastOrThrow(), control.customId, values),
      readLine,
      this.#last,
    );
  }

  /** Prints what the bot answered; fills in a form field by field when it shows one. */
  async #follow(
    handle: InteractionHandle,
    readLine: ReadLine,
    origin: StoredMessage | undefined,
  ): Promise<void> {
    const response = await handle.response();
    if (response.type === InteractionResponseType.Modal) {
      const modal = response.data as APIModalInteractionResponseCallbackData;
      const fields = await this.#fillForm(modal, readLine);
      if (fields === undefined) return;
      return this.#follow(this.#actor().submitModal(modal.custom_id, fields, origin), readLine, origin);
    }
    // A deferred update may end without an edit (only follow-ups); those are printed as news.
    const reply =
      response.type === InteractionResponseType.DeferredMessageUpdate
        ? await handle.reply(1500).catch(() => undefined)
        : await handle.reply();
    if (reply) this.#show(reply);
  }

  async #fillForm(modal: APIModalInteractionResponseCallbackData, readLine: ReadLine) {
    this.print(`┌── form: ${modal.title} (Enter keeps a value shown as "now")`);
    const fields: Record<string, string | string[]> = {};
    for (const field of formFieldsOf(modal)) {
      if (field.options) this.print(choicesLine(field));
      for (;;) {
        const typed = await readLine(fieldPrompt(field));
        if (typed === undefined) return undefined;
        const answer = checkFieldAnswer(field, typed);
        if (answer.ok) {
          fields[field.customId] = answer.value;
          break;
        }
        this.print(`│ ! ${answer.problem} Try again.`);
      }
    }
    this.print("└── sent");
    return fields;
  }

  #show(message: StoredMessage) {
    const text = this.#render(message);
    this.#shown.set(message.id, text);
    this.#remember(message);
    this.print(text);
  }

  #render(message: StoredMessage): string {
    return renderMessage(message, this.#names);
  }

  /** Where a message is, for news: undefined for one only the current member sees, which needs no label. */
  #where(message: StoredMessage): string | undefined {
    if ((message.flags ?? 0) & EPHEMERAL) {
      const owner = message.interaction_metadata?.user?.id;
      if (owner === this.#member.id) return undefined;
      return `only ${this.#memberName(owner ?? "")} sees this`;
    }
    return this.#placeName(message.channel_id);
  }

  /** "DM to sam", "#mod-log" or `thread "Sam & Ada" in #mentoring`. */
  #placeName(channelId: string): string | undefined {
    const dmOf = this.#dmRecipient(channelId);
    if (dmOf) return `DM to ${dmOf.name}`;
    const channel = this.emulator.guildChannels(this.world.guildId).find((c) => c.id === channelId);
    if (!channel) return undefined;
    if (!THREAD_TYPES.has(channel.type)) return `#${channel.name}`;
    const parent = this.#names.channel(channel.parentId ?? "");
    return `thread "${channel.name}"${parent ? ` in #${parent}` : ""}`;
  }

  #dmRecipient(channelId: string): SandboxMember | undefined {
    return this.world.members.find((m) => this.emulator.state.dmChannelByUser.get(m.id) === channelId);
  }

  /** Whether the current member can see the message (and so press its buttons). */
  #visible(message: StoredMessage): boolean {
    if ((message.flags ?? 0) & EPHEMERAL) return message.interaction_metadata?.user?.id === this.#member.id;
    const dmOf = this.#dmRecipient(message.channel_id);
    return dmOf === undefined || dmOf === this.#member;
  }

  #memberName(id: string): string {
    return this.world.members.find((m) => m.id === id)?.name ?? "another member";
  }

  #remember(message: StoredMessage) {
    if (controlsOf(message).length > 0) this.#last = message;
  }

  #lastOrThrow(): StoredMessage {
    if (!this.#last) throw new Error("There is nothing to press yet: no answer with buttons so far.");
    const live = this.emulator.message(this.#last.id);
    if (!live) throw new Error("The message with those buttons is gone: the bot deleted it.");
    return live;
  }

  #control(number: number, kind: "button" | "select") {
    const controls = controlsOf(this.#lastOrThrow());
    const control = controls.find((each) => each.number === number);
    if (control?.kind === "select" && kind === "button")
      throw new Error(`${number} is a menu: pick in it with \`select ${number} <choice numbers>\`.`);
    if (control?.kind === "button" && kind === "select")
      throw new Error(`${number} is a button: press it with \`press ${number}\`.`);
    if (!control) {
      const list = controls.map((c) => `${c.number} ${c.kind === "button" ? c.label : "(menu)"}`).join(", ");
      throw new Error(`There is no number ${number} on the last answer (it has: ${list || "none"}).`);
    }
    if (control.disabled) throw new Error(`${control.label} (${number}) is disabled.`);
    return control;
  }

  /** Numbers then press the buttons of the message with buttons before the current one, in its channel. */
  #earlier() {
    const current = this.#lastOrThrow();
    const withButtons = this.emulator
      .channelMessages(current.channel_id)
      .filter((message) => controlsOf(message).length > 0 && this.#visible(message));
    const previous = withButtons[withButtons.findIndex((message) => message.id === current.id) - 1];
    if (!previous) throw new Error("There is no earlier message with buttons here.");
    this.#show(previous);
  }

  #switch(name: string) {
    const member = this.#find(name);
    this.#member = member;
    // Pressing a number then acts on their newest DM with buttons, such as a request to answer.
    this.#last = this.emulator
      .dmMessages(member.id)
      .filter((message) => controlsOf(message).length > 0)
      .at(-1);
    this.print(`You are now ${member.name}, ${member.description}.`);
    if (this.#last) this.print("(numbers now press the buttons of your latest DM; `dms` shows it)");
  }

  #who() {
    for (const member of this.world.members) {
      this.print(`${member === this.#member ? "→" : " "} ${member.name}: ${member.description}`);
    }
  }

  #dms() {
    const messages = this.emulator.dmMessages(this.#member.id).slice(-5);
    if (messages.length === 0) this.print("No DMs from the bot yet.");
    for (const message of messages) this.#show(message);
  }

  #channels() {
    this.print("Channels (read one with `read <name>`):");
    for (const channel of this.#textChannels()) {
      const count = this.emulator.channelMessages(channel.id).length;
      this.print(`  #${channel.name}  ${count} message${count === 1 ? "" : "s"}`);
    }
  }

  #threads() {
    const threads = this.emulator.threads();
    if (threads.length === 0) {
      this.print("No threads yet. The bot opens one in #mentoring when a librarian accepts a request.");
      return;
    }
    this.print("Threads (read one with `read <number>` or `read <name>`):");
    threads.forEach((thread, index) => {
      const parent = this.#names.channel(thread.parentId ?? "") ?? "?";
      const kind = thread.type === ChannelType.PrivateThread ? "private" : "public";
      const members = thread.memberIds
        .map((id) => this.#memberName(id))
        .filter((n) => n !== "another member");
      const count = this.emulator.channelMessages(thread.id).length;
      const state = thread.archived ? ", archived" : "";
      this.print(
        `  ${index + 1}) ${thread.name}: ${kind} in #${parent}${state}, ${count} message${count === 1 ? "" : "s"}, members: ${members.join(", ") || "none"}`,
      );
    });
  }

  #roles() {
    this.print("Roles on this server:");
    for (const role of this.emulator.roles(this.world.guildId)) {
      const everyone = role.id === this.world.guildId;
      const holders = everyone ? "everyone" : role.memberIds.map((id) => this.#memberName(id)).join(", ");
      const permissions = permissionNames(role.permissions);
      const can = !everyone && permissions.length > 0 ? `; can ${permissions.join(", ")}` : "";
      const pingable = role.mentionable ? "; anyone may mention it" : "";
      this.print(`  ${role.name}: ${holders || "nobody yet"}${can}${pingable}`);
    }
    const example = this.emulator.roles(this.world.guildId).find((r) => r.mentionable)?.name;
    if (example)
      this.print(`A role is named in options as in Discord: /feeds add url:… mention:"${example}"`);
  }

  #feeds(argument: string) {
    const server = this.sampleFeeds;
    if (!server) throw new Error("The sample feeds are not running.");
    if (argument === "new") {
      const published = server.publishNext();
      if (published.length === 0) {
        this.print("The sample feeds have no more new articles.");
        return;
      }
      this.print(`Published: ${published.join("; ")}.`);
      this.print(
        "Followed feeds post it at their next check (`/config` shows how often; FEED_POLL_INTERVAL).",
      );
      return;
    }
    this.print("Sample feeds served on this machine (made-up career articles):");
    for (const feed of server.feeds()) {
      this.print(`  ${feed.title} (${feed.format}, ${feed.articles} articles): ${feed.url}`);
    }
    const first = server.feeds()[0];
    if (!first) return;
    this.print(`Follow one as morgan: /feeds add url:${first.url} channel:career-articles backfill:true`);
    this.print("Then `feeds new` publishes a new article in each, for the bot to post at its next check.");
  }

  #read(target: string) {
    const id = this.#findReadable(target);
    const messages = this.emulator.channelMessages(id).slice(-10);
    const name = this.#placeName(id) ?? target;
    if (messages.length === 0) this.print(`Nothing in ${name} yet.`);
    else this.print(`── ${name} (latest ${messages.length}) ──`);
    for (const message of messages) this.#show(message);
  }

  #findReadable(target: string): string {
    const threads = this.emulator.threads();
    if (/^\d{1,3}$/.test(target)) {
      const thread = threads[Number(target) - 1];
      if (!thread) throw new Error(`There is no thread ${target}. Type \`threads\` for the list.`);
      return thread.id;
    }
    const wanted = target
      .replace(/^#/, "")
      .replace(/^"(.*)"$/, "$1")
      .toLowerCase();
    const channel = this.#textChannels().find((c) => c.name.toLowerCase() === wanted);
    if (channel) return channel.id;
    const thread =
      threads.find((t) => t.name.toLowerCase() === wanted) ??
      threads.find((t) => t.name.toLowerCase().includes(wanted));
    if (thread) return thread.id;
    const names = this.#textChannels().map((c) => c.name);
    throw new Error(
      `No channel or thread "${target}". Channels: ${names.join(", ")}; threads: type \`threads\`.`,
    );
  }

  #textChannels() {
    return this.emulator.guildChannels(this.world.guildId).filter((c) => !THREAD_TYPES.has(c.type));
  }

  #find(name: string): SandboxMember {
    const wanted = name.replace(/^@/, "").toLowerCase();
    const member = this.world.members.find((each) => each.name === wanted);
    if (!member)
      throw new Error(`No member "${name}". Members: ${this.world.members.map((m) => m.name).join(", ")}`);
    return member;
  }

  #resolve(type: "user" | "channel" | "role", raw: string): string {
    if (/^\d{17,20}$/.test(raw)) return raw;
    if (type === "user") return this.#find(raw).id;
    if (type === "channel") return this.#findReadable(raw);
    const wanted = raw.replace(/^@/, "").toLowerCase();
    const roles = this.emulator.roles(this.world.guildId).filter((r) => r.id !== this.world.guildId);
    const role = roles.find((r) => r.name.toLowerCase() === wanted);
    if (!role) throw new Error(`No role "${raw}". Roles: ${roles.map((r) => r.name).join(", ")}`);
    return role.id;
  }
}
