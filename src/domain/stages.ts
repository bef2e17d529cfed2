import { STAGES, type Stage, type StageSlug } from "../data/stages.js";
import { namedList } from "./named-list.js";

export type { Stage, StageSlug };

const stages = namedList(STAGES, "stage");

export const isStageSlug = (value: string): value is StageSlug => stages.is(value);
export const getStage = (slug: StageSlug): Stage => stages.get(slug);
/** The stage someone typed or picked ("intern" is enough), or a ValidationError naming the closest ones. */
export const resolveStage = (input: string): Stage => stages.resolve(input);
/**
 * Stages ranked by how well they match what someone typed ("teach" finds "Career changer (from
 * teaching)"); ties keep list order, so "career" lists every career changer in order.
 */
export const suggestStages = (input: string, limit = 3): Stage[] => stages.suggest(input, limit);
