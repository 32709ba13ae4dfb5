import type { Document } from "../document/document.js";
import { firstDay } from "../kb/dates.js";
import type { KnowledgeBase } from "../kb/kb.js";
import { searchVariants } from "../kb/search-variants.js";
import { restoreDocument } from "../store/restore.js";
import type { Store } from "../store/store.js";
import { type Alignment, align, isGeneral, sentenceFacts } from "./align.js";

/** A stored document the suspect may derive from or be checked against, with their alignment. */
export interface Source {
  readonly doc: Document;
  readonly alignment: Alignment;
}

/** Entities searched for candidates, most mentioned first. */
const SEARCHED_ENTITIES = 6;
/** Specific entities (people, places, bodies) enough to find the reports of a story by. */
const ENOUGH_SPECIFIC = 3;
/** Candidates aligned in full. */
const CANDIDATES = 30;
/** Sources further apart in publication than this are not the same story. */
const WINDOW_DAYS = 120;

const days = (d: string) => Date.parse(firstDay(d)) / 86_400_000;

/**
 * The stored documents that report what the suspect reports, best aligned first. Candidates come
 * from full-text searches for the suspect's most mentioned linked entities, each as the suspect
 * writes it and under its names in the KB's other languages, so a translation is found too.
 */
export function findSources(suspect: Document, store: Store, kb: KnowledgeBase): Source[] {
  const forms = new Map<string, { form: string; n: number; general: boolean }>();
  for (const e of suspect.layer("entities")) {
    if (!e.kbId || e.adjective) continue;
    const form = suspect.text.slice(e.start, e.end);
    const known = forms.get(e.kbId);
    if (!known) forms.set(e.kbId, { form, n: 1, general: isGeneral(e) });
    else {
      if (form.length > known.form.length) known.form = form;
      known.n++;
    }
  }
  // Countries and governments match a large part of any archive: searching them costs most and
  // finds least, so they are searched only when the suspect names few specific entities.
  const ranked = [...forms.values()].sort((a, b) => b.n - a.n);
  const specific = ranked.filter((f) => !f.general);
  const searched = (specific.length >= ENOUGH_SPECIFIC ? specific : ranked).slice(0, SEARCHED_ENTITIES);
  const votes = new Map<string, number>();
  for (const { form } of searched) {
    for (const hit of store.search({ text: form, variants: searchVariants(kb, form), limit: 100 })) {
      votes.set(hit.id, (votes.get(hit.id) ?? 0) + 1);
    }
  }
  const ownDays = suspect.date ? days(suspect.date.value) : undefined;
  const sources: Source[] = [];
  const suspectFacts = sentenceFacts(suspect);
  for (const [id] of [...votes].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES)) {
    const stored = store.get(id);
    if (!stored || stored.id === suspect.id || stored.text === suspect.text) continue;
    if (ownDays !== undefined && stored.date && Math.abs(days(stored.date.value) - ownDays) > WINDOW_DAYS)
      continue;
    const doc = restoreDocument(stored);
    const alignment = align(suspectFacts, sentenceFacts(doc), doc.lang === suspect.lang);
    if (alignment.pairs.length > 0) sources.push({ doc, alignment });
  }
  return sources.sort((a, b) => b.alignment.score - a.alignment.score);
}
