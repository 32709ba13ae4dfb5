import { Document, type DocumentInit } from "../../document/document.js";
import { Pipeline } from "../../document/pipeline.js";
import { defaultPacks } from "../../lang/packs.js";
import { segmentStage } from "../../stages/segment.js";
import { codeWithDictionaries, type DictionaryEvent } from "./coder.js";
import type { PetrarchDictionaries } from "./load.js";

let segmenter: Pipeline | undefined;

/**
 * Segments a text with relata's own segmenter and codes it with PETRARCH dictionaries;
 * the dictionaries are English, so the text is segmented as English whatever it is.
 */
export function codeText(
  init: DocumentInit,
  date: string | null,
  dicts: PetrarchDictionaries,
): { readonly doc: Document; readonly events: DictionaryEvent[] } {
  segmenter ??= new Pipeline([segmentStage], { packs: defaultPacks() });
  const doc = segmenter.run(Document.create({ ...init, lang: "en" }));
  const events = codeWithDictionaries(
    { text: doc.text, sentences: doc.layer("sentences"), tokens: doc.layer("tokens"), date },
    dicts,
  );
  return { doc, events };
}
