// npm run bench: speed and memory figures, each against a baseline measured in the same run.
// A benchmark, not a test: it prints figures and goals, and fails nothing.
import { compileBots } from "../bench/bots.js";
import { benchFeeds } from "../bench/feeds.js";
import { benchFindMentor } from "../bench/findmentor.js";
import { benchInteractions } from "../bench/interactions.js";
import { benchMentors } from "../bench/mentors.js";
import { benchStartup } from "../bench/startup.js";
import { benchStore } from "../bench/store.js";

const only = process.argv[2];
const suites: Record<string, () => Promise<Record<string, number | string>>> = {
  "start-up and load": () => benchStartup(),
  "/questions round trip": () => benchInteractions(1000),
  "mentor search (domain)": () => benchMentors(),
  "/findmentor round trip": () => benchFindMentor(),
  feeds: () => benchFeeds(),
  store: () => benchStore(),
};
if (only && !(only in suites)) {
  console.error(`No suite "${only}"; the suites are: ${Object.keys(suites).join(", ")}`);
  process.exit(1);
}

compileBots();
for (const [name, run] of Object.entries(suites)) {
  if (only && only !== name) continue;
  const figures = await run();
  console.log(`\n${name}`);
  for (const [label, value] of Object.entries(figures)) console.log(`  ${label.padEnd(40)} ${value}`);
}
