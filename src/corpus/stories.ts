/** How a candidate story looks to the scorer: its members' feature counts, by key. */
export interface StoryProfile {
  readonly id: number;
  readonly size: number;
  /** Members per language, to average word counts over the documents that can share them. */
  readonly sizeByLang: Readonly<Record<string, number>>;
  readonly counts: ReadonlyMap<string, number>;
}

/** Days a document's date may lie outside a story's span and still report the same event. */
export const WINDOW_DAYS = 7;
/** Score from which a document joins a story rather than starting one. */
export const JOIN_THRESHOLD = 0.15;

/** Inverse document frequency of a feature: rare evidence is strong evidence. */
export function idf(df: number, documents: number): number {
  return Math.log(1 + documents / Math.max(df, 1));
}

/** A document's features as key → weight (kind weight × IDF). */
export type WeightedFeatures = ReadonlyMap<string, number>;

/**
 * Cosine similarity between a document's weighted features and a story's centroid, where each
 * feature counts for the share of the `members` that hold it; only keys `keep` accepts are compared.
 */
function cosine(
  doc: WeightedFeatures,
  story: StoryProfile,
  weight: (key: string) => number,
  members: number,
  keep: (key: string) => boolean,
): number {
  let dot = 0;
  let docNorm = 0;
  for (const [key, w] of doc) {
    if (!keep(key)) continue;
    docNorm += w * w;
    dot += w * w * ((story.counts.get(key) ?? 0) / members);
  }
  let storyNorm = 0;
  for (const [key, count] of story.counts) {
    if (!keep(key)) continue;
    const v = (weight(key) * count) / members;
    storyNorm += v * v;
  }
  return docNorm > 0 && storyNorm > 0 ? dot / Math.sqrt(docNorm * storyNorm) : 0;
}

const isEvidence = (key: string) => !key.startsWith("w:");

/**
 * How well a document fits a story: the cosine of their language-independent evidence, raised by
 * lexical similarity when the story already has members in the document's language (words can
 * confirm a match across outlets of one language, never block one across languages).
 */
export function storyScore(
  doc: WeightedFeatures,
  lang: string,
  story: StoryProfile,
  weight: (key: string) => number,
): number {
  const evidence = cosine(doc, story, weight, story.size, isEvidence);
  const sameLang = story.sizeByLang[lang] ?? 0;
  if (sameLang === 0) return evidence;
  const prefix = `w:${lang}:`;
  const lexical = cosine(doc, story, weight, sameLang, (key) => key.startsWith(prefix));
  return Math.max(evidence, (evidence + lexical) / 2);
}
