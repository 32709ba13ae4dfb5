import type { EventValue } from "../document/layers.js";
import type { EventSourceDocument } from "./plover.js";

/** relata's own event record: the `events` annotation with its document, trigger text and sentence text. */
export interface RelataEventRecord extends EventValue {
  readonly document: string;
  readonly url: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly sentenceText: string;
}

export function relataRecords(doc: EventSourceDocument): RelataEventRecord[] {
  const sentences = doc.layers.sentences ?? [];
  return (doc.layers.events ?? []).map((e) => {
    const s = sentences[e.sentence];
    return {
      document: doc.id,
      url: doc.url ?? null,
      outlet: doc.source ?? null,
      published: doc.date?.value ?? null,
      ...e,
      text: doc.text.slice(e.start, e.end),
      sentenceText: s ? doc.text.slice(s.start, s.end) : "",
    };
  });
}
