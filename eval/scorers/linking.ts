import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { nameKey } from "../../src/kb/normalize.js";
import { pct, type Row, type Scorer } from "../scorer.js";
import { linkSentences, resources, tokenRange } from "./linking-run.js";

interface GoldMention {
  doc: string;
  sentence: number;
  tokens: string[];
  first: number;
  last: number;
  /** Title of the DBpedia resource ("Barack_Obama" → "barack obama" as a name key). */
  title: string;
}

/** The DBpedia resource names an English Wikipedia title; an entity matches when one of its English names has the same key. */
const titleKey = (uri: string) =>
  nameKey(
    decodeURIComponent(uri.replace(/^.*\/resource\//, ""))
      .replace(/_/g, " ")
      .replace(/\s*\(.*\)$/, ""),
  );

function readJsonl(file: string): GoldMention[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map(
      (l) =>
        JSON.parse(l) as {
          doc_id: string;
          sent_id: number;
          sentence_tokens: string[];
          mention_token_ids: number[];
          dbpedia: string;
        },
    )
    .filter((r) => r.dbpedia)
    .map((r) => ({
      doc: r.doc_id,
      sentence: r.sent_id,
      tokens: r.sentence_tokens,
      first: Math.min(...r.mention_token_ids),
      last: Math.max(...r.mention_token_ids),
      title: titleKey(r.dbpedia),
    }));
}

/** MEANTIME English CAT files: mentions refer (REFERS_TO) to entities with a DBpedia `external_ref`. */
function readCat(dir: string): GoldMention[] {
  const out: GoldMention[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".xml"))) {
    const xml = readFileSync(join(dir, f), "utf8");
    const tokens = [
      ...xml.matchAll(/<token number="(\d+)" sentence="(\d+)" t_id="(\d+)">([^<]*)<\/token>/g),
    ].map((m) => ({
      sentence: Number(m[2]),
      id: Number(m[3]),
      text:
        m[4]
          ?.replace(/&amp;/g, "&")
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'") ?? "",
    }));
    const bySentence = new Map<number, typeof tokens>();
    for (const t of tokens) bySentence.set(t.sentence, [...(bySentence.get(t.sentence) ?? []), t]);
    const refs = new Map<string, string>();
    for (const m of xml.matchAll(/<ENTITY [^>]*external_ref="([^"]+)"[^>]*m_id="(\d+)"/g))
      refs.set(m[2] ?? "", m[1] ?? "");
    const target = new Map<string, string>();
    for (const m of xml.matchAll(/<REFERS_TO[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
      const body = m[1] ?? "";
      const to = /<target m_id="(\d+)"/.exec(body)?.[1] ?? "";
      for (const s of body.matchAll(/<source m_id="(\d+)"/g)) target.set(s[1] ?? "", to);
    }
    for (const m of xml.matchAll(
      /<ENTITY_MENTION [^>]*m_id="(\d+)"[^>]*syntactic_type="NAM"[^>]*>([\s\S]*?)<\/ENTITY_MENTION>/g,
    )) {
      const uri = refs.get(target.get(m[1] ?? "") ?? "");
      const ids = [...(m[2] ?? "").matchAll(/t_id="(\d+)"/g)].map((x) => Number(x[1]));
      const first = tokens.find((t) => t.id === ids[0]);
      if (!uri || !first) continue;
      const sentence = bySentence.get(first.sentence) ?? [];
      out.push({
        doc: f,
        sentence: first.sentence,
        tokens: sentence.map((t) => t.text),
        first: sentence.findIndex((t) => t.id === Math.min(...ids)),
        last: sentence.findIndex((t) => t.id === Math.max(...ids)),
        title: titleKey(uri),
      });
    }
  }
  return out;
}

function accuracy(
  mentions: readonly GoldMention[],
  lang: string,
): { right: number; inKb: number; all: number } {
  const { kb } = resources();
  const englishKeys = (id: string) =>
    new Set(
      [
        kb.entity(id)?.name ?? "",
        ...kb
          .namesOf(id)
          .filter((n) => n.lang === "en" || n.lang === "*")
          .map((n) => n.name),
      ].map(nameKey),
    );
  const known = new Set<string>();
  for (const e of kb.entities.values()) if (e.type !== "person" || e.wikidata) known.add(nameKey(e.name));
  let right = 0;
  let inKb = 0;
  const bySentence = new Map<string, GoldMention[]>();
  for (const m of mentions)
    bySentence.set(`${m.doc}#${m.sentence}`, [...(bySentence.get(`${m.doc}#${m.sentence}`) ?? []), m]);
  for (const group of bySentence.values()) {
    const tokens = group[0]?.tokens ?? [];
    const { placed, entities } = linkSentences([{ tokens }], lang);
    const p = placed[0];
    for (const m of group) {
      if (known.has(m.title)) inKb++;
      // The linked entity inside the gold mention ("Stati Uniti" in "governo degli Stati Uniti"), else any overlapping one.
      const overlapping = entities.filter((e) => {
        const r = p ? tokenRange(p, tokens, e.start, e.end) : undefined;
        return r && r[0] <= m.last && r[1] >= m.first && e.kbId;
      });
      const inside = overlapping.find((e) => {
        const r = p ? tokenRange(p, tokens, e.start, e.end) : undefined;
        return r && r[0] >= m.first && r[1] <= m.last;
      });
      const hit = inside ?? overlapping[0];
      const id = hit?.metonymOf ?? hit?.kbId;
      if (id && (englishKeys(id).has(m.title) || (hit?.kbId && englishKeys(hit.kbId).has(m.title)))) right++;
    }
  }
  return { right, inKb, all: mentions.length };
}

/** Entity linking on MEANTIME (Wikinews, 2004–2011): gold mentions with a DBpedia link, matched by English name. */
export const linkingScorer: Scorer = {
  task: "entity linking",
  needs: [
    "eval/meantime/meantime_it_entity_mentions_dbpedia.jsonl",
    "eval/meantime/meantime_es_entity_mentions_dbpedia.jsonl",
  ],
  run(shared: string): Row[] {
    const sets = [
      {
        set: "MEANTIME it",
        lang: "it",
        mentions: readJsonl(join(shared, "eval/meantime/meantime_it_entity_mentions_dbpedia.jsonl")),
      },
      {
        set: "MEANTIME es",
        lang: "es",
        mentions: readJsonl(join(shared, "eval/meantime/meantime_es_entity_mentions_dbpedia.jsonl")),
      },
      {
        set: "MEANTIME en (6 docs)",
        lang: "en",
        mentions: readCat(join(shared, "eval/meantime/en_cat_xml")),
      },
    ];
    return sets.map(({ set, lang, mentions }) => {
      const a = accuracy(mentions, lang);
      return {
        task: this.task,
        set,
        measure: "accuracy (linked mentions)",
        value: `${a.right}/${a.all} (${pct(a.right, a.all)})`,
        note: `${a.inKb} of the gold targets are in the KB by English name`,
      };
    });
  },
};
