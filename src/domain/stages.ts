import { distance } from "fastest-levenshtein";
import { STAGES, type Stage, type StageSlug } from "../data/stages.js";
import { ValidationError } from "./errors.js";

export type { Stage, StageSlug };

/** Lower case with spaces, hyphens and punctuation removed: "New grad" and "new-grad" match. */
const normalize = (input: string): string => input.toLowerCase().replace(/[^a-z0-9]/g, "");

const namesOf = (stage: Stage): string[] => [stage.slug, stage.name, ...stage.aliases].map(normalize);

const byName = new Map<string, Stage>();
for (const stage of STAGES) for (const name of namesOf(stage)) byName.set(name, stage);

export const isStageSlug = (value: string): value is StageSlug =>
  STAGES.some((stage) => stage.slug === value);

export function getStage(slug: StageSlug): Stage {
  const stage = STAGES.find((each) => each.slug === slug);
  if (!stage) throw new Error(`Unknown stage slug ${slug}`);
  return stage;
}

/** The stage someone typed or picked, or a ValidationError (a UserError) naming the closest ones. */
export function resolveStage(input: string): Stage {
  const query = normalize(input);
  const stage = byName.get(query) ?? onlyStageStartingWith(query);
  if (stage) return stage;
  const shown = input.length > 50 ? `${input.slice(0, 49)}…` : input;
  const suggestions = suggestStages(input, 3)
    .map((candidate) => `${candidate.name} (${candidate.slug})`)
    .join(", ");
  throw new ValidationError(
    "stage",
    `I don't know the stage "${shown}". Did you mean ${suggestions}? Pick one from the list as you type.`,
  );
}

/** The one stage with a name or alias starting with what was typed ("intern"), if only one has. */
function onlyStageStartingWith(query: string): Stage | undefined {
  if (query.length < 3) return undefined;
  const matches = STAGES.filter((stage) => namesOf(stage).some((name) => name.startsWith(query)));
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * Stages ranked by how well they match what someone typed: prefix matches of a name or alias first,
 * then substring matches ("teach" finds "Career changer (from teaching)"), then by edit distance.
 * Ties keep list order, so "career" lists every career changer in order.
 */
export function suggestStages(input: string, limit = 3): Stage[] {
  const query = normalize(input);
  if (!query) return STAGES.slice(0, limit);
  const scored = STAGES.map((stage) => {
    const best = Math.min(
      ...namesOf(stage).map((name) => {
        if (name.startsWith(query)) return name === query ? 0 : 1;
        if (name.includes(query)) return 2;
        return 3 + distance(query, name.slice(0, Math.max(query.length, 3)));
      }),
    );
    return { stage, best };
  });
  return scored
    .sort((a, b) => a.best - b.best)
    .slice(0, limit)
    .map(({ stage }) => stage);
}
