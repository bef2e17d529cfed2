import { setTimeout as sleep } from "node:timers/promises";
import {
  type APIModalInteractionResponseCallbackData,
  InteractionResponseType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { DiscordEmulator, InteractionHandle, StoredMessage } from "../../emulator/index.js";
import { parseCommandLine } from "./parse.js";
import { controlsOf, renderMessage } from "./render.js";
import type { SandboxMember, SandboxWorld } from "./world.js";

export type ReadLine = (prompt: string) => Promise<string | undefined>;

export const CONSOLE_HELP = `Type a slash command as in Discord, options in order or as name:value:
  /questions public-library        /questions academic topic:hiring-and-career share:true
Then:
  press 2            press button number 2 of the last answer (or just: 2)
  select 3 1,2       pick options 1 and 2 in menu number 3
  as ada             act as another member (members: who)
  dms                your direct messages from the bot
  read mentoring     the last messages in a channel
  help, quit`;

/** Reads console lines and acts them out on the emulator as the current member. */
export class SandboxConsole {
  #member: SandboxMember;
  #last: StoredMessage | undefined;
  readonly #shown = new Set<string>();

  constructor(
    private readonly emulator: DiscordEmulator,
    private readonly world: SandboxWorld,
    private readonly commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
    private readonly print: (text: string) => void,
  ) {
    const first = world.members[0];
    if (!first) throw new Error("the sandbox needs members");
    this.#member = first;
    this.#markAllShown();
  }

  get member(): SandboxMember {
    return this.#member;
  }

  /** Acts on one line; false when the user asked to quit. */
  async handle(line: string, readLine: ReadLine): Promise<boolean> {
    const input = line.trim();
    if (!input || input.startsWith("#")) return true;
    const [word = "", ...rest] = input.split(/\s+/);
    try {
      if (input.startsWith("/")) await this.#command(input, readLine);
      else if (/^\d+$/.test(word)) await this.#press(Number(word), readLine);
      else if (word === "press" || word === "click") await this.#press(Number(rest[0]), readLine);
      else if (word === "select") await this.#select(Number(rest[0]), rest.slice(1).join(" "), readLine);
      else if (word === "as") this.#switch(rest[0] ?? "");
      else if (word === "who" || word === "members") this.#who();
      else if (word === "dms") this.#dms();
      else if (word === "read") this.#read(rest[0] ?? "general");
      else if (word === "help") this.print(CONSOLE_HELP);
      else if (word === "quit" || word === "exit") return false;
      else this.print(`I don't know "${word}". Type help for what you can do.`);
    } catch (error) {
      this.print(`! ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
    await this.#showOthers();
    return true;
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
    const [group, subcommand] = parsed.path.length === 2 ? parsed.path : [undefined, parsed.path[0]];
    const input = subcommand ? { group, subcommand, options: parsed.options } : parsed.options;
    await this.#follow(this.#actor().command(parsed.name, input), readLine, undefined);
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

  /** Prints what the bot answered; fills in a modal field by field when it shows one. */
  async #follow(
    handle: InteractionHandle,
    readLine: ReadLine,
    origin: StoredMessage | undefined,
  ): Promise<void> {
    const response = await handle.response();
    if (response.type === InteractionResponseType.Modal) {
      const modal = response.data as APIModalInteractionResponseCallbackData;
      const fields = await this.#fillModal(modal, readLine);
      if (fields === undefined) return;
      return this.#follow(this.#actor().submitModal(modal.custom_id, fields, origin), readLine, origin);
    }
    if (response.type === InteractionResponseType.DeferredMessageUpdate) {
      await sleep(100);
      return this.#showFollowUps(handle);
    }
    const reply = await handle.reply();
    this.#shown.add(reply.id);
    this.#remember(reply);
    this.print(renderMessage(reply));
    await sleep(50);
    this.#showFollowUps(handle);
  }

  #showFollowUps(handle: InteractionHandle) {
    for (const message of handle.followUps()) {
      if (this.#shown.has(message.id)) continue;
      this.#shown.add(message.id);
      this.#remember(message);
      this.print(renderMessage(message));
    }
  }

  async #fillModal(modal: APIModalInteractionResponseCallbackData, readLine: ReadLine) {
    this.print(
      `┌── form: ${modal.title} (press Enter to keep a shown value; a field's limit is in brackets)`,
    );
    const fields: Record<string, string | string[]> = {};
    for (const input of modalFieldsOf(modal)) {
      const limit = input.max_length ? ` [≤ ${input.max_length}]` : "";
      const current = input.value ? ` (now: ${input.value})` : "";
      const required = input.required === false && !/optional/i.test(input.label) ? " (optional)" : "";
      if (input.options) {
        const choices = input.options.map((option, index) => `${index + 1}) ${option.label}`).join("  ");
        this.print(`│ ${input.label}${required}: ${choices}`);
      }
      const answer = await readLine(
        `│ ${input.options ? "  pick (number or value)" : `${input.label}${required}${limit}${current}`}: `,
      );
      if (answer === undefined) return undefined;
      if (input.options) {
        const options = input.options;
        fields[input.custom_id] = answer
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((pick) => (/^\d+$/.test(pick) ? (options[Number(pick) - 1]?.value ?? pick) : pick));
      } else {
        fields[input.custom_id] = answer.trim() === "" ? (input.value ?? "") : answer;
      }
    }
    this.print("└──");
    return fields;
  }

  #remember(message: StoredMessage) {
    if (controlsOf(message).length > 0) this.#last = message;
  }

  #lastOrThrow(): StoredMessage {
    if (!this.#last) throw new Error("There is nothing to press yet.");
    return this.emulator.message(this.#last.id) ?? this.#last;
  }

  #control(number: number, kind: "button" | "select") {
    const control = controlsOf(this.#lastOrThrow()).find((each) => each.number === number);
    if (!control || control.kind !== kind)
      throw new Error(`There is no ${kind} number ${number} on the last answer.`);
    return control;
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
    for (const message of messages) {
      this.#shown.add(message.id);
      this.#remember(message);
      this.print(renderMessage(message));
    }
  }

  #read(name: string) {
    const id = this.#resolve("channel", name);
    const messages = this.emulator.channelMessages(id).slice(-5);
    if (messages.length === 0) this.print(`Nothing in #${name.replace(/^#/, "")} yet.`);
    for (const message of messages) {
      this.#shown.add(message.id);
      this.#remember(message);
      this.print(renderMessage(message));
    }
  }

  /** Shows messages the bot sent elsewhere meanwhile: DMs to anyone, posts in channels and threads. */
  async #showOthers() {
    await sleep(30);
    for (const member of this.world.members) {
      for (const message of this.emulator.dmMessages(member.id)) {
        if (this.#shown.has(message.id)) continue;
        this.#shown.add(message.id);
        if (member === this.#member) this.#remember(message);
        this.print(`── DM to ${member.name} ──\n${renderMessage(message)}`);
      }
    }
    for (const [name, id] of this.#channelNames()) {
      for (const message of this.emulator.channelMessages(id)) {
        if (this.#shown.has(message.id)) continue;
        this.#shown.add(message.id);
        this.#remember(message);
        this.print(`── #${name} ──\n${renderMessage(message)}`);
      }
    }
  }

  #channelNames(): [string, string][] {
    const named: [string, string][] = Object.entries(this.world.channels);
    for (const thread of this.emulator.threads()) named.push([`thread ${thread.name}`, thread.id]);
    return named;
  }

  #markAllShown() {
    for (const message of this.emulator.allMessages()) this.#shown.add(message.id);
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
    if (type === "channel") {
      const wanted = raw.replace(/^#/, "").toLowerCase();
      const found = this.#channelNames().find(([name]) => name.toLowerCase() === wanted);
      if (!found)
        throw new Error(`No channel "${raw}". Channels: ${Object.keys(this.world.channels).join(", ")}`);
      return found[1];
    }
    throw new Error(`Give the role's id for ${raw}`);
  }
}

interface ModalField {
  custom_id: string;
  label: string;
  value?: string;
  required?: boolean;
  max_length?: number;
  /** Set for a select menu inside a label. */
  options?: { label: string; value: string }[];
}

/** The fields of a modal, whether text inputs in action rows or inputs and menus in labels. */
function modalFieldsOf(modal: APIModalInteractionResponseCallbackData): ModalField[] {
  const fields: ModalField[] = [];
  for (const row of modal.components as unknown as Record<string, unknown>[]) {
    const children = (row.components as Record<string, unknown>[] | undefined) ?? [
      row.component as Record<string, unknown>,
    ];
    for (const child of children) {
      if (!child || typeof child.custom_id !== "string") continue;
      const options = child.options as { label: string; value: string }[] | undefined;
      fields.push({
        custom_id: child.custom_id,
        label: String(child.label ?? row.label ?? child.custom_id),
        value: typeof child.value === "string" ? child.value : undefined,
        required: child.required as boolean | undefined,
        max_length: child.max_length as number | undefined,
        options: options?.map(({ label, value }) => ({ label, value })),
      });
    }
  }
  return fields;
}
