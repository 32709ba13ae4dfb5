import { Document } from "../document/document.js";
import type { LayerName } from "../document/layers.js";
import type { StoredDocument } from "./store.js";

/** A stored document as a Document again, with the layers it was stored with. */
export function restoreDocument(stored: StoredDocument): Document {
  let doc = Document.create({ ...stored });
  for (const [name, annotations] of Object.entries(stored.layers))
    doc = doc.withLayer(name as LayerName, annotations);
  return doc;
}
