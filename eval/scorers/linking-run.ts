import { parsePublishedDate } from "../../src/document/date.js";
import { Document } from "../../src/document/document.js";
import type { EntityValue } from "../../src/document/layers.js";
import type { Annotation } from "../../src/document/span.js";
import { type KnowledgeBase, loadKb } from "../../src/kb/kb.js";
import { LangPacks } from "../../src/lang/packs.js";
import { entitiesStage } from "../../src/stages/entities.js";

/** A gold sentence given as tokens: the text is rebuilt with a space between tokens. */
export interface TokenSentence {
  readonly tokens: readonly string[];
}

export interface PlacedSentence {
  readonly text: string;
  readonly start: number;
  /** Start offset of each token in the document text. */
  readonly offsets: number[];
}

let shared: { packs: LangPacks; kb: KnowledgeBase } | undefined;
export function resources(): { packs: LangPacks; kb: KnowledgeBase } {
  shared ??= { packs: new LangPacks(), kb: loadKb() };
  return shared;
}

/** Runs the entities stage on a document made of gold sentences, one sentence per line. */
export function linkSentences(
  sentences: readonly TokenSentence[],
  lang: string,
  date?: string,
): { placed: PlacedSentence[]; entities: readonly Annotation<EntityValue>[]; text: string } {
  let text = "";
  const placed: PlacedSentence[] = [];
  for (const s of sentences) {
    const start = text.length;
    const offsets: number[] = [];
    let line = "";
    for (const t of s.tokens) {
      if (line) line += " ";
      offsets.push(start + line.length);
      line += t;
    }
    placed.push({ text: line, start, offsets });
    text += `${line}\n`;
  }
  const doc = Document.create({ text, lang, date: date ? parsePublishedDate(date) : undefined }).withLayer(
    "sentences",
    placed.map((p) => ({ start: p.start, end: p.start + p.text.length, paragraph: 0 })),
  );
  return { placed, entities: entitiesStage.run(doc, resources()).layer("entities"), text };
}

/** Token indices [first, last] of a sentence covered by a character span, or undefined. */
export function tokenRange(
  s: PlacedSentence,
  tokens: readonly string[],
  start: number,
  end: number,
): [number, number] | undefined {
  let first = -1;
  let last = -1;
  s.offsets.forEach((o, i) => {
    const e = o + (tokens[i]?.length ?? 0);
    if (o < end && e > start) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? undefined : [first, last];
}

/** Government bodies made from a demonym ("Russian state media") are actors, not names. */
export function isGeneratedBody(e: EntityValue): boolean {
  return /^r:[A-Z]{3}\./.test(e.kbId);
}
