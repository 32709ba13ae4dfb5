import type { Stage } from "../document/pipeline.js";
import { paragraphSpans } from "./segment-paragraphs.js";
import { segmentRules } from "./segment-rules.js";
import { sentenceSpans } from "./segment-sentences.js";
import { tokenSpans } from "./segment-tokens.js";

/**
 * Paragraphs, sentences and tokens in one stage: each layer is cut inside the previous one, in one
 * pass, and nothing needs to run between them. A language without a pack (and "und") is segmented
 * with the root locale and the language-independent rules.
 */
export const segmentStage: Stage = {
  name: "segment",
  reads: [],
  writes: ["paragraphs", "sentences", "tokens"],
  run(doc, resources) {
    const rules = segmentRules(resources.packs.get(doc.lang));
    const paragraphs = paragraphSpans(doc.text, doc.title);
    const sentences = sentenceSpans(doc.text, paragraphs, doc.lang, rules);
    return doc
      .withLayer("paragraphs", paragraphs)
      .withLayer("sentences", sentences)
      .withLayer("tokens", tokenSpans(doc.text, sentences, doc.lang, rules));
  },
};
