export {
  applySettingsPatch,
  DEFAULT_GUILD_SETTINGS,
  type GuildSettings,
  type GuildSettingsPatch,
  NUMERIC_SETTINGS,
} from "./guild-settings.js";
export { SettingsService } from "./service.js";
export {
  isTrailLevel,
  TRAIL_LEVELS,
  type TrailEvent,
  type TrailLevel,
  trailIncludes,
} from "./trail.js";
