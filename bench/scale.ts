import { Document, type DocumentInit } from "../src/document/document.js";
import type { KnowledgeBase } from "../src/kb/kb.js";
import { restoreDocument } from "../src/store/restore.js";
import type { Store } from "../src/store/store.js";

/**
 * Stores grown to the sizes of the targets without analysing every document again: copies of
 * analysed documents (their layers kept, a new URL, so a new id) for `relata check`, and cheap
 * synthetic rows (no layers) for full-text search at a million.
 */

/** Adds copies of the stored documents, layers included, until the store holds `target`. */
export function replicate(store: Store, ids: readonly string[], target: number): number {
  let stored = ids.length;
  for (let copy = 1; stored < target; copy++) {
    for (let i = 0; i < ids.length && stored < target; i += 500) {
      const batch: Document[] = [];
      for (const id of ids.slice(i, Math.min(i + 500, i + target - stored))) {
        const doc = store.get(id);
        if (doc)
          batch.push(restoreDocument({ ...doc, url: `${doc.url ?? "https://bench.example/"}&copy=${copy}` }));
      }
      store.putMany(batch);
      stored += batch.length;
    }
  }
  return stored;
}

/** A small deterministic generator, so that every run stores the same rows. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * `count` rows of about 600 characters: three sentences drawn from the example articles and five
 * names drawn from the KB's aliases, so that the vocabulary is wide (rare names, common words)
 * as in a real archive. Returned in batches for putMany.
 */
export function* syntheticRows(bases: readonly DocumentInit[], kb: KnowledgeBase, count: number) {
  const sentences = bases.flatMap((d) => d.text.split(/(?<=[.!?])\s+/)).filter((s) => s.length > 30);
  const names = [...kb.entities.values()].map((e) => e.name).filter((n) => n.length > 2);
  const next = random(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const langs = [...new Set(bases.map((d) => d.lang ?? "en"))];
  for (let i = 0; i < count; i += 1000) {
    const batch: Document[] = [];
    for (let j = i; j < Math.min(count, i + 1000); j++) {
      const text = `${pick(sentences)} ${pick(names)}, ${pick(names)}. ${pick(sentences)} ${pick(names)} ${pick(names)} ${pick(names)}. ${pick(sentences)}`;
      const day = 1 + (j % 28);
      batch.push(
        Document.create({
          url: `https://synthetic.example/${j}`,
          lang: pick(langs),
          date: { value: `2024-0${1 + (j % 9)}-${String(day).padStart(2, "0")}`, precision: "day" },
          text,
        }),
      );
    }
    yield batch;
  }
}

/** Queries for search at scale: common words of the examples and rarer KB names, as users type them. */
export function searchQueries(kb: KnowledgeBase): string[] {
  const names = [...kb.entities.values()].map((e) => e.name).filter((n) => n.length > 3);
  const step = Math.max(1, Math.floor(names.length / 15));
  return [
    "Putin",
    "Kursk",
    "Kazan BRICS",
    "Moscú",
    "premier",
    ...names.filter((_, i) => i % step === 0).slice(0, 15),
  ];
}
