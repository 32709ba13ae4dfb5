import { createHash } from "node:crypto";
import type { PublishedDate } from "./date.js";
import type { LayerName, LayerTypes } from "./layers.js";
import type { Annotation } from "./span.js";

/** What a reader knows about an article before any analysis. */
export interface DocumentInit {
  readonly url?: string | undefined;
  /** The outlet, usually the URL's host without "www.". */
  readonly source?: string | undefined;
  /** ISO 639-1 code when the input states it; language identification fills it otherwise. */
  readonly lang?: string | undefined;
  readonly date?: PublishedDate | undefined;
  readonly title?: string | undefined;
  /** The full text that annotations index into: the headline (when there is one) and the body. */
  readonly text: string;
  readonly metadata?: Readonly<Record<string, unknown>> | undefined;
}

export type Layers = { readonly [K in LayerName]?: ReadonlyArray<Annotation<LayerTypes[K]>> };

/** How the document's language was decided. */
export interface LangDecision {
  readonly source: "metadata" | "detected" | "undetermined";
  readonly confidence: number;
}

/**
 * An article and its stand-off annotation layers. Immutable: adding a layer returns a new
 * Document sharing the text and the other layers, so stages cannot disturb each other.
 */
export class Document {
  readonly id: string;
  readonly url: string | undefined;
  readonly source: string | undefined;
  readonly lang: string;
  readonly langDecision: LangDecision;
  readonly date: PublishedDate | undefined;
  readonly title: string | undefined;
  readonly text: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly layers: Layers;

  private constructor(fields: Omit<Document, "layer" | "withLayer" | "withLang">) {
    this.id = fields.id;
    this.url = fields.url;
    this.source = fields.source;
    this.lang = fields.lang;
    this.langDecision = fields.langDecision;
    this.date = fields.date;
    this.title = fields.title;
    this.text = fields.text;
    this.metadata = fields.metadata;
    this.layers = fields.layers;
    Object.freeze(this);
  }

  static create(init: DocumentInit): Document {
    const lang = init.lang?.trim().toLowerCase();
    return new Document({
      id: documentId(init),
      url: init.url,
      source: init.source ?? sourceFromUrl(init.url),
      lang: lang || "und",
      langDecision: lang ? { source: "metadata", confidence: 1 } : { source: "undetermined", confidence: 0 },
      date: init.date,
      title: init.title,
      text: init.text,
      metadata: Object.freeze({ ...(init.metadata ?? {}) }),
      layers: Object.freeze({}),
    });
  }

  layer<K extends LayerName>(name: K): ReadonlyArray<Annotation<LayerTypes[K]>> {
    return (this.layers[name] as ReadonlyArray<Annotation<LayerTypes[K]>> | undefined) ?? [];
  }

  withLayer<K extends LayerName>(name: K, annotations: ReadonlyArray<Annotation<LayerTypes[K]>>): Document {
    return new Document({
      ...this,
      layers: Object.freeze({ ...this.layers, [name]: Object.freeze(annotations) }),
    });
  }

  withLang(lang: string, decision: LangDecision): Document {
    return new Document({ ...this, lang, langDecision: decision });
  }
}

/**
 * The id is a hash of what makes an article itself: its URL (when known) and its title and text.
 * The same article read twice gets the same id; the same wire text at two outlets gets two ids
 * and shares a content hash instead.
 */
export function documentId(init: Pick<DocumentInit, "url" | "title" | "text">): string {
  return createHash("sha256")
    .update(`${init.url ?? ""}\u0000${init.title ?? ""}\u0000${init.text}`)
    .digest("hex")
    .slice(0, 16);
}

/** Hash of the text alone, normalised for whitespace: equal for exact copies across outlets. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text.replace(/\s+/g, " ").trim()).digest("hex").slice(0, 16);
}

export function sourceFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}
