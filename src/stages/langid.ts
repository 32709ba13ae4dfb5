import { eld } from "eld/extrasmall";
import type { Document } from "../document/document.js";
import type { Stage } from "../document/pipeline.js";

/**
 * Language identification with eld's extra-small n-gram model, over all of eld's languages (a language
 * without a pack is still worth naming). bench/langid-compare.ts and docs/LANGID.md say why this one.
 */

/** The start of the text decides: the headline and the first paragraphs are enough, and cheap. */
const SAMPLE_CHARS = 1000;
/** Below this many letters a guess is noise ("Putin e Xi", "Kursk"). */
const MIN_LETTERS = 15;
/**
 * eld's scores are n-gram similarities close together (Russian beats Bulgarian and Ukrainian by
 * ~0.03), so a softmax this sharp turns the lead over the runner-ups into a 0–1 confidence.
 */
const SHARPNESS = 60;
/** A four-way tie scores 0.25: no better than that, the answer is "und". */
const MIN_CONFIDENCE = 0.25;

export interface LanguageGuess {
  /** ISO 639-1 code, or "und" when the text is too short or too ambiguous to tell. */
  readonly lang: string;
  readonly confidence: number;
}

const UNDETERMINED: LanguageGuess = Object.freeze({ lang: "und", confidence: 0 });

/** Guesses the language of a text (pass the title and the body: only the start is read). */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return UNDETERMINED;
  const result = eld.detect(sample);
  const scores = Object.values(result.getScores());
  if (!result.language || scores.length === 0) return UNDETERMINED;
  const top = Math.max(...scores);
  const confidence = 1 / scores.reduce((sum, s) => sum + Math.exp(SHARPNESS * (s - top)), 0);
  return confidence <= MIN_CONFIDENCE ? UNDETERMINED : { lang: result.language, confidence };
}

/** The title and text as detection should read them: the headline once, then the body. */
function sampleOf(doc: Document): string {
  return doc.title && !doc.text.startsWith(doc.title) ? `${doc.title}\n\n${doc.text}` : doc.text;
}

/** Sets the document language unless the input stated it; writes no layer. */
export const langIdStage: Stage = {
  name: "langid",
  reads: [],
  writes: [],
  run(doc) {
    if (doc.langDecision.source === "metadata") return doc;
    const { lang, confidence } = detectLanguage(sampleOf(doc));
    return lang === "und"
      ? doc.withLang("und", { source: "undetermined", confidence: 0 })
      : doc.withLang(lang, { source: "detected", confidence });
  },
};
