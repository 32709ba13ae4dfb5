import type { Layers } from "../document/document.js";
import type { EventActor } from "../document/layers.js";
import { defaultOntology, type Ontology } from "../events/ontology.js";

/** What an export needs of a stored or freshly analysed document. */
export interface EventSourceDocument {
  readonly id: string;
  readonly url?: string | undefined;
  readonly source?: string | undefined;
  readonly date?: { readonly value: string } | undefined;
  readonly text: string;
  readonly layers: Layers;
}

export interface PloverEntity {
  readonly code: string;
  readonly text: string;
  readonly kbId: string;
}

/**
 * One event as a PLOVER JSON record (field names from the PLOVER manual: actor and recipient
 * replace source and target, and are lists). `id`, `date`, `actor` and `event` are always set;
 * `date` is the event's TIMEX3 date, else the publication date, else "" when neither is known.
 */
export interface PloverRecord {
  readonly id: string;
  readonly date: string;
  readonly actor: readonly PloverEntity[];
  readonly recipient: readonly PloverEntity[];
  readonly event: string;
  readonly mode: readonly string[];
  readonly context: readonly string[];
  readonly event_text: string;
  readonly cite_info: {
    readonly document: string;
    readonly url: string | null;
    readonly source: string | null;
    readonly sentence: number;
    readonly start: number;
    readonly end: number;
  };
  /** relata's additions: the CAMEO code, Goldstein score, relata's own mode and confidence. */
  readonly cameo: string;
  readonly goldstein: number;
  readonly relata_mode: string;
  readonly confidence: number;
}

const entity = (a: EventActor | null): PloverEntity[] =>
  a ? [{ code: a.cameo, text: a.name, kbId: a.kbId }] : [];

export function ploverRecords(
  doc: EventSourceDocument,
  ontology: Ontology = defaultOntology(),
): PloverRecord[] {
  return (doc.layers.events ?? []).map((e, i) => {
    const code = ontology.get(e.code);
    return {
      id: `${doc.id}-${i}`,
      date: e.date ?? doc.date?.value ?? "",
      actor: entity(e.source),
      recipient: entity(e.target),
      event: e.plover,
      mode: code?.ploverMode ? [code.ploverMode] : [],
      context: code?.ploverContext ? [code.ploverContext] : [],
      event_text: doc.text.slice(e.start, e.end),
      cite_info: {
        document: doc.id,
        url: doc.url ?? null,
        source: doc.source ?? null,
        sentence: e.sentence,
        start: e.start,
        end: e.end,
      },
      cameo: e.code,
      goldstein: e.goldstein,
      relata_mode: e.mode,
      confidence: e.confidence,
    };
  });
}

/** The problems that keep a parsed line from being a PLOVER record, empty when it is one. */
export function ploverProblems(value: unknown): string[] {
  if (typeof value !== "object" || value === null) return ["not a JSON object"];
  const r = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const field of ["id", "date", "event", "event_text"] as const)
    if (typeof r[field] !== "string") problems.push(`${field} is not a string`);
  for (const field of ["actor", "recipient", "mode", "context"] as const)
    if (!Array.isArray(r[field])) problems.push(`${field} is not a list`);
  if (Array.isArray(r.actor) && Array.isArray(r.recipient) && r.actor.length + r.recipient.length === 0)
    problems.push("neither actor nor recipient");
  if (typeof r.cite_info !== "object" || r.cite_info === null) problems.push("cite_info is missing");
  return problems;
}
