import type { Stage } from "../document/pipeline.js";
import { amountsStage } from "./amounts.js";
import { entitiesStage } from "./entities.js";
import { eventsStage } from "./events.js";
import { langIdStage } from "./langid.js";
import { quotesStage } from "./quotes.js";
import { segmentStage } from "./segment.js";
import { timesStage } from "./times.js";
import { toneStage } from "./tone.js";

/** The stages of a full analysis, in the order their reads and writes require. */
export function defaultStages(): Stage[] {
  return [
    langIdStage,
    segmentStage,
    entitiesStage,
    timesStage,
    amountsStage,
    quotesStage,
    eventsStage,
    toneStage,
  ];
}
