import dotenv from "dotenv";
import { ConfigError, loadConfig } from "../src/config.js";
import { deployCommands } from "../src/core/deploy.js";
import { loadCommands } from "../src/core/loader.js";

dotenv.config({ quiet: true });

try {
  const config = loadConfig(process.env, ["DISCORD_TOKEN", "DISCORD_CLIENT_ID"]);
  const commands = await loadCommands();
  const registered = await deployCommands(commands.values(), {
    token: config.token ?? "",
    clientId: config.clientId ?? "",
    guildId: config.guildId,
    apiUrl: config.apiUrl,
  });
  const where = config.guildId ? `to guild ${config.guildId}` : "globally";
  console.log(
    `Registered ${registered.length} commands ${where}: ${registered.map((c) => `/${c.name}`).join(", ")}`,
  );
} catch (error) {
  console.error(
    error instanceof ConfigError ? error.message : `Could not register the commands: ${String(error)}`,
  );
  process.exit(1);
}
