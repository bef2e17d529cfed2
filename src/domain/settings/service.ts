import { collectionPattern, guildKey, type Store } from "../../store/store.js";
import {
  applySettingsPatch,
  type GuildSettings,
  type GuildSettingsPatch,
  withDefaults,
} from "./guild-settings.js";

const COLLECTION = "settings";
const settingsKey = (guildId: string): string => guildKey(guildId, COLLECTION);
const KEY = /^guild\/([^/]+)\/settings\/$/;

/** The loaded guilds' settings in memory, so limits are read synchronously; one record per guild. */
export class SettingsService {
  readonly collections = [COLLECTION];
  readonly #store: Store;
  readonly #cache = new Map<string, GuildSettings>();

  constructor(store: Store) {
    this.#store = store;
  }

  /** Reads one guild's settings, or every guild's without `guildId`. */
  async load(guildId?: string): Promise<void> {
    if (guildId !== undefined) {
      const stored = await this.#store.get<Partial<GuildSettings>>(settingsKey(guildId));
      if (stored) this.#cache.set(guildId, withDefaults(stored));
      else this.#cache.delete(guildId);
      return;
    }
    this.#cache.clear();
    for await (const [key, value] of this.#store.entries<Partial<GuildSettings>>(
      collectionPattern(COLLECTION),
    )) {
      const guildId = KEY.exec(key)?.[1];
      if (guildId !== undefined) this.#cache.set(guildId, withDefaults(value));
    }
  }

  /** The guild's settings, defaults for a guild that never changed any. */
  get(guildId: string): GuildSettings {
    return { ...withDefaults(this.#cache.get(guildId)) };
  }

  /** Applies a moderator's change; a {@link UserError} for a bad value leaves everything as it was. */
  async update(guildId: string, patch: GuildSettingsPatch): Promise<GuildSettings> {
    const saved = await this.#store.update<GuildSettings>(settingsKey(guildId), (current) =>
      applySettingsPatch(withDefaults(current), patch),
    );
    const settings = withDefaults(saved);
    this.#cache.set(guildId, settings);
    return { ...settings };
  }

  /**
   * True for exactly one caller while no mentoring channel is set and moderators were not yet told;
   * that caller tells them.
   */
  async claimNoChannelNotice(guildId: string): Promise<boolean> {
    let claimed = false;
    const saved = await this.#store.update<GuildSettings>(settingsKey(guildId), (current) => {
      const settings = withDefaults(current);
      claimed = settings.mentoringChannelId === undefined && !settings.toldNoMentoringChannel;
      return claimed ? { ...settings, toldNoMentoringChannel: true } : settings;
    });
    this.#cache.set(guildId, withDefaults(saved));
    return claimed;
  }

  /** Forgets a guild's settings, e.g. when the bot leaves it. */
  async delete(guildId: string): Promise<void> {
    await this.#store.delete(settingsKey(guildId));
    this.#cache.delete(guildId);
  }
}
