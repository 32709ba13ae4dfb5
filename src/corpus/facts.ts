import type { Layers } from "../document/document.js";
import type { EventActor } from "../document/layers.js";
import { eventDay, occurred } from "./dyads.js";

/**
 * Facts a document states, keyed in language-independent terms so that reports in any language
 * support the same key. Only KB-linked people support roles, amounts and quotes: a name as written
 * differs from one language to the next.
 */
export type FactKind = "event" | "role" | "amount" | "occurrence" | "quote";

export interface FactStatement {
  /** "event:Q7747>CHNGOV:04:2024-10-22", "role:Q7747:head_of_state+president", "amount:Q1:money:5000000 USD", "occurrence:19:2024-08-06", "quote:Q7747:2024-10-22". */
  readonly key: string;
  readonly kind: FactKind;
  /** A readable statement of the fact, from the first document that states it. */
  readonly label: string;
  /** The annotation that states it. */
  readonly layer: "events" | "roles" | "amounts" | "quotes";
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

export interface FactSource {
  /** The published date's value, when there is one. */
  readonly published: string | undefined;
  readonly layers: Layers;
}

/** An event actor in language-independent terms: its KB id, else its CAMEO code. */
export const actorId = (actor: EventActor | null) => (actor ? actor.kbId || actor.cameo || "?" : "-");
const actorName = (actor: EventActor | null) => (actor ? actor.name || actor.cameo : "someone");

/**
 * Every fact the document states, one statement per supporting annotation:
 * - event: source and target (KB id, else CAMEO code), CAMEO root and day, for events that occurred;
 * - occurrence: an event root on a day the text itself names (not the publication date);
 * - role: a KB person with the office types the article gives them;
 * - amount: a number quantifying a KB entity, with its kind and, for money, percentages and
 *   measures, its unit (a count's unit is a word of the article's language);
 * - quote: words attributed to a KB speaker, on the day of publication.
 */
export function statedFacts(doc: FactSource): FactStatement[] {
  const out: FactStatement[] = [];
  const entities = doc.layers.entities ?? [];
  const statedDays = new Set(
    (doc.layers.times ?? []).map((t) => /^\d{4}-\d{2}-\d{2}/.exec(t.value)?.[0]).filter(Boolean),
  );
  for (const [index, e] of (doc.layers.events ?? []).entries()) {
    if (!occurred(e)) continue;
    const day = eventDay(e, doc.published) ?? "undated";
    const at = { layer: "events", index, start: e.start, end: e.end } as const;
    out.push({
      key: `event:${actorId(e.source)}>${actorId(e.target)}:${e.root}:${day}`,
      kind: "event",
      label: `${actorName(e.source)} → ${actorName(e.target)}: ${e.plover} (CAMEO ${e.root}) on ${day}`,
      ...at,
    });
    if (statedDays.has(day)) {
      out.push({
        key: `occurrence:${e.root}:${day}`,
        kind: "occurrence",
        label: `${e.plover} on ${day}`,
        ...at,
      });
    }
  }
  for (const [index, r] of (doc.layers.roles ?? []).entries()) {
    if (!r.kbId || r.officeTypes.length === 0) continue;
    const offices = [...r.officeTypes].sort();
    const name = entities[r.entity]?.name ?? r.kbId;
    out.push({
      key: `role:${r.kbId}:${offices.join("+")}`,
      kind: "role",
      label: `${name}: ${offices.join(", ").replaceAll("_", " ")}`,
      layer: "roles",
      index,
      start: r.start,
      end: r.end,
    });
  }
  for (const [index, a] of (doc.layers.amounts ?? []).entries()) {
    const kbId = a.quantifies?.kbId;
    if (!kbId || !a.quantifies) continue;
    const amount = `${a.value}${a.kind !== "count" && a.unit ? ` ${a.unit}` : ""}`;
    out.push({
      key: `amount:${kbId}:${a.kind}:${a.modifier ?? ""}${amount}`,
      kind: "amount",
      label: `${a.quantifies.name}: ${a.modifier ?? ""}${amount}`,
      layer: "amounts",
      index,
      start: a.start,
      end: a.end,
    });
  }
  const day = doc.published?.slice(0, 10) ?? "undated";
  for (const [index, q] of (doc.layers.quotes ?? []).entries()) {
    if (!q.speaker?.kbId) continue;
    out.push({
      key: `quote:${q.speaker.kbId}:${day}`,
      kind: "quote",
      label: `${q.speaker.name} quoted on ${day}`,
      layer: "quotes",
      index,
      start: q.start,
      end: q.end,
    });
  }
  return out;
}
