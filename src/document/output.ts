import type { Document } from "./document.js";
import type { LayerName } from "./layers.js";
import type { Annotation } from "./span.js";

/** Version of the JSON output contract; bump it when a field changes meaning or disappears. */
export const OUTPUT_SCHEMA = "relata.analysis/1";

/**
 * Layers the contract always prints, in this order. Layers that later stages fill are
 * printed empty until those stages exist, so consumers can rely on the keys.
 */
export const CONTRACT_LAYERS = [
  "paragraphs",
  "sentences",
  "entities",
  "roles",
  "times",
  "amounts",
  "quotes",
  "tone",
  "events",
] as const;

export type OutputAnnotation = Record<string, unknown> & { start: number; end: number; text: string };

export interface AnalysisOutput {
  schema: typeof OUTPUT_SCHEMA;
  id: string;
  url: string | null;
  source: string | null;
  lang: string;
  langSource: string;
  date: string | null;
  datePrecision: string | null;
  title: string | null;
  text: string;
  metadata: Record<string, unknown>;
  tokens?: OutputAnnotation[];
  [layer: string]: unknown;
}

function withText(text: string, annotations: readonly Annotation[]): OutputAnnotation[] {
  return annotations.map(({ start, end, ...fields }) => ({
    start,
    end,
    text: text.slice(start, end),
    ...fields,
  }));
}

/** The document as the versioned JSON contract (`schema/analysis.v1.json`). */
export function toOutput(doc: Document, options: { tokens?: boolean } = {}): AnalysisOutput {
  const out: AnalysisOutput = {
    schema: OUTPUT_SCHEMA,
    id: doc.id,
    url: doc.url ?? null,
    source: doc.source ?? null,
    lang: doc.lang,
    langSource: doc.langDecision.source,
    date: doc.date?.value ?? null,
    datePrecision: doc.date?.precision ?? null,
    title: doc.title ?? null,
    text: doc.text,
    metadata: { ...doc.metadata },
  };
  for (const layer of CONTRACT_LAYERS) {
    const annotations = (doc.layers as Record<string, readonly Annotation[] | undefined>)[layer] ?? [];
    out[layer] = withText(doc.text, annotations);
  }
  if (options.tokens) out.tokens = withText(doc.text, doc.layer("tokens" satisfies LayerName));
  return out;
}
