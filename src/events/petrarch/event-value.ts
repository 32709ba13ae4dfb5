import type { EventActor, EventValue } from "../../document/layers.js";
import type { Annotation } from "../../document/span.js";
import type { Ontology } from "../ontology.js";
import type { DictionaryActor } from "./chunks.js";
import type { DictionaryEvent } from "./coder.js";

const actor = (a: DictionaryActor): EventActor => ({
  start: a.start,
  end: a.end,
  kbId: "",
  name: a.name,
  cameo: a.code,
});

/**
 * A dictionary-coded event as relata's `events` annotation, its QuadClass, Goldstein score and PLOVER
 * type looked up in the ontology; undefined when the code is not CAMEO (test dictionaries use codes
 * such as 903). Actors carry no KB id: PETRARCH dictionaries name codes, not entities.
 */
export function toEventValue(
  e: DictionaryEvent,
  ontology: Ontology,
  date: string | null,
): Annotation<EventValue> | undefined {
  const known = ontology.get(e.code);
  if (!known) return undefined;
  return {
    start: e.start,
    end: e.end,
    sentence: e.sentence,
    code: e.code,
    root: known.root,
    quad: known.quad,
    goldstein: known.goldstein,
    plover: known.plover,
    mode: e.mode,
    source: actor(e.source),
    target: actor(e.target),
    date,
    place: null,
    // A matched pattern is more specific evidence than the verb's own code.
    confidence: e.patternLine === null ? 0.6 : 0.8,
  };
}
