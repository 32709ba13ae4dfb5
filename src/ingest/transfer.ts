import { Document } from "../document/document.js";
import type { LayerName } from "../document/layers.js";

/**
 * An analysed document as plain data, the form it crosses a worker_threads boundary in
 * (structured clone keeps plain objects, not the Document class).
 */
export type TransferredDocument = Pick<
  Document,
  "url" | "source" | "lang" | "langDecision" | "date" | "title" | "text" | "metadata" | "layers"
>;

export function toTransfer(doc: Document): TransferredDocument {
  const { url, source, lang, langDecision, date, title, text, metadata, layers } = doc;
  return { url, source, lang, langDecision, date, title, text, metadata, layers };
}

/** The Document again: same id (a hash of url, title and text), language decision and layers. */
export function fromTransfer(t: TransferredDocument): Document {
  let doc = Document.create(t).withLang(t.lang, t.langDecision);
  for (const [name, annotations] of Object.entries(t.layers))
    doc = doc.withLayer(name as LayerName, annotations);
  return doc;
}
