import type { Layers } from "../document/document.js";
import type { EntityValue } from "../document/layers.js";
import { occurred } from "./dyads.js";
import { actorId } from "./facts.js";
import { words } from "./hash.js";

/**
 * What a document says that can be compared with other documents: language-independent evidence
 * (KB entities, dated days, amounts with their unit, coded events) and, within one language, its
 * words. Keys are prefixed by kind: "e:" entity, "t:" day, "a:" amount, "v:" event, "w:<lang>:" word.
 */
export type FeatureKind = "entity" | "time" | "amount" | "event" | "word";

export interface Feature {
  readonly kind: FeatureKind;
  /** Weight of the feature's kind, before IDF. */
  readonly weight: number;
  /** A readable name for labels ("Kursk", "2024-08-06", "5500 people"). */
  readonly name: string;
}

/**
 * Entities that narrow a story down count more than those present in every report of a region:
 * a town or a person says more about which event it is than the country does.
 */
const ENTITY_WEIGHT: Readonly<Record<EntityValue["type"], number>> = {
  place: 1.5,
  region: 1.3,
  person: 1.2,
  organisation: 1.2,
  group: 1,
  country: 0.6,
};
const TIME_WEIGHT = 1;
const AMOUNT_WEIGHT = 0.8;
/** Who did what to whom: as specific as an amount, and coded the same way in every language. */
const EVENT_WEIGHT = 0.8;
/** Words shorter than this are mostly function words in the eight languages. */
const MIN_WORD = 4;

export interface FeatureSource {
  readonly lang: string;
  readonly title?: string | undefined;
  readonly text: string;
  readonly layers: Layers;
}

/** Language-independent features, keyed as above. */
export function evidence(doc: FeatureSource): Map<string, Feature> {
  const out = new Map<string, Feature>();
  for (const e of doc.layers.entities ?? []) {
    if (!e.kbId) continue;
    out.set(`e:${e.kbId}`, { kind: "entity", weight: ENTITY_WEIGHT[e.type] ?? 1, name: e.name });
  }
  for (const t of doc.layers.times ?? []) {
    // Only a day is specific enough: a month or a year is shared by every story of the period.
    // "2023-09-08TEV" (Friday evening) still names the day; a range "a/b" is left out.
    const day = /^(\d{4}-\d{2}-\d{2})(T[^/]*)?$/.exec(t.value)?.[1];
    if (t.type === "DATE" && day) out.set(`t:${day}`, { kind: "time", weight: TIME_WEIGHT, name: day });
  }
  for (const a of doc.layers.amounts ?? []) {
    // A count's unit is the counted noun in the article's language: only money and measures compare across languages.
    if ((a.kind !== "money" && a.kind !== "measure") || a.value < 2) continue;
    const name = `${a.value}${a.unit ? ` ${a.unit}` : ""}`;
    out.set(`a:${name}`, { kind: "amount", weight: AMOUNT_WEIGHT, name });
  }
  for (const e of doc.layers.events ?? []) {
    if (!occurred(e) || !e.source || !e.target) continue;
    out.set(`v:${actorId(e.source)}>${actorId(e.target)}:${e.root}`, {
      kind: "event",
      weight: EVENT_WEIGHT,
      name: `${e.source.name} ${e.plover} ${e.target.name}`,
    });
  }
  return out;
}

/** The document's distinct words, keyed by language, for lexical similarity within a language. */
export function lexicon(doc: FeatureSource): Map<string, Feature> {
  const out = new Map<string, Feature>();
  for (const w of words(`${doc.title ?? ""} ${doc.text}`)) {
    if (w.length < MIN_WORD || /^\d+$/.test(w)) continue;
    out.set(`w:${doc.lang}:${w}`, { kind: "word", weight: 1, name: w });
  }
  return out;
}
