// The import rules `npm run lint` checks (dependency-cruiser). Folder-level cycles are checked by
// test/unit/layout.test.ts, which cruises the same way with folders collapsed.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Modules must not import each other round in a circle.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "domain-is-plain",
      comment: "Domain code is plain TypeScript: no discord.js, and nothing from the Discord side.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: {
        path: [
          "^node_modules/(discord\\.js|@discordjs|discord-api-types)/",
          "^src/(core|discord|commands|events)/",
        ],
      },
    },
    {
      name: "no-test-code-in-src",
      comment: "The bot never imports tests, the emulator, benchmarks or scripts.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(test|emulator|bench|scripts)/" },
    },
    {
      name: "commands-are-the-top",
      comment: "Only the loader reaches commands (by folder); the rest of src never imports one.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/commands/" },
      to: { path: "^src/commands/" },
    },
    {
      name: "features-below-events",
      comment: "Features never import the entry point, the bot's wiring or the gateway events.",
      severity: "error",
      from: { path: "^src/(commands|discord|domain|core|store|data)/" },
      to: { path: "^src/(index|bot)\\.ts$|^src/events/" },
    },
  ],
  options: {
    parser: "swc",
    tsConfig: { fileName: "tsconfig.json" },
    includeOnly: "^(src|test|emulator|bench|scripts|node_modules)/",
    doNotFollow: { path: "node_modules" },
  },
};
