// npm run bench: speed and memory figures, each against a baseline measured in the same run.
// A benchmark, not a test: it prints figures and goals, and fails nothing.
import { benchFeeds } from "../bench/feeds.js";
import { benchInteractions } from "../bench/interactions.js";

const only = process.argv[2];
const suites: Record<string, () => Promise<Record<string, number | string>>> = {
  interactions: () => benchInteractions(1000),
  feeds: () => benchFeeds(),
};

for (const [name, run] of Object.entries(suites)) {
  if (only && only !== name) continue;
  const figures = await run();
  console.log(`\n${name}`);
  for (const [label, value] of Object.entries(figures)) console.log(`  ${label.padEnd(40)} ${value}`);
}
