// npm run bench: speed and memory figures, each against a baseline measured in the same run.
// `npm run bench -- startup findmentor` runs only those suites. A benchmark, not a test: it prints
// figures and goals, and fails nothing.
import { compileBots } from "../bench/bots.js";
import { benchDatabases, dropBenchSchemas } from "../bench/databases.js";
import { benchFeeds } from "../bench/feeds.js";
import { benchFindMentor } from "../bench/findmentor.js";
import { benchInteractions } from "../bench/interactions.js";
import { benchMentors } from "../bench/mentors.js";
import { benchShardStartup } from "../bench/shards.js";
import { benchStartup } from "../bench/startup.js";
import { benchStore } from "../bench/store.js";

type Section = [title: string, run: () => Promise<Record<string, number | string>>];

// The suites that read a store run on each database: SQLite, and PostgreSQL when BENCH_POSTGRES_URL is set.
const databases = benchDatabases();
const suites: Record<string, Section[]> = {
  startup: databases.flatMap((database): Section[] => [
    [`start-up and load, one process, ${database}`, () => benchStartup(database)],
    [`start-up, two shards, ${database}`, () => benchShardStartup(database)],
  ]),
  questions: [["/questions round trip", () => benchInteractions(1000)]],
  mentors: [["mentor search (domain)", () => benchMentors()]],
  findmentor: databases.map(
    (database): Section => [`/findmentor round trip, ${database}`, () => benchFindMentor(database)],
  ),
  feeds: [["feeds", () => benchFeeds()]],
  store: [["store", () => benchStore()]],
};
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`No suite "${unknown.join('", "')}"; the suites are: ${Object.keys(suites).join(", ")}`);
  process.exit(1);
}

compileBots();
try {
  for (const [name, sections] of Object.entries(suites)) {
    if (chosen.length > 0 && !chosen.includes(name)) continue;
    for (const [title, run] of sections) {
      const figures = await run();
      console.log(`\n${title}`);
      for (const [label, value] of Object.entries(figures)) console.log(`  ${label.padEnd(44)} ${value}`);
    }
  }
} finally {
  await dropBenchSchemas();
}
