import type { Document } from "../document/document.js";
import type { Stage } from "../document/pipeline.js";
import { type CoderInput, codeEvents } from "../events/coder.js";
import { eventLexicon } from "../events/lexicon.js";
import { defaultOntology } from "../events/ontology.js";

/** Political events coded in CAMEO and PLOVER from the language's trigger lexicon (src/events/coder.ts). */
export const eventsStage: Stage = {
  name: "events",
  reads: ["sentences", "tokens", "entities", "times", "quotes"],
  writes: ["events"],
  run(doc, resources) {
    const events = codeEvents(
      coderInput(doc),
      eventLexicon(resources.packs.get(doc.lang)),
      defaultOntology(),
    );
    return doc.withLayer("events", events);
  },
};

/** What the coder reads from an analysed document. */
export function coderInput(doc: Document): CoderInput {
  return {
    text: doc.text,
    sentences: doc.layer("sentences"),
    tokens: doc.layer("tokens"),
    entities: doc.layer("entities"),
    times: doc.layer("times"),
    reported: doc.layer("quotes").filter((q) => q.kind !== "partial"),
    date: doc.date?.value ?? null,
  };
}
