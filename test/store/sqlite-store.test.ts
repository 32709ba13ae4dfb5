import { describe, expect, it } from "vitest";
import { Document } from "../../src/document/document.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { MIGRATIONS } from "../../src/store/sqlite/migrations.js";
import { ARTICLES, analysed } from "./articles.js";

const all = () => Object.values(ARTICLES).map(analysed);

function storeWith(docs: Document[]) {
  const store = openSqliteStore(":memory:");
  store.putMany(docs);
  return store;
}

describe("SqliteStore put and get", () => {
  it("round-trips a document with its layers", () => {
    const doc = analysed({ ...ARTICLES.it, metadata: { feed: "esteri", tags: ["russia", "visita"] } });
    const store = storeWith([]);
    expect(store.has(doc.id)).toBe(false);
    expect(store.put(doc)).toBe("added");
    expect(store.has(doc.id)).toBe(true);

    const got = store.get(doc.id);
    expect(got).toMatchObject({
      id: doc.id,
      url: ARTICLES.it.url,
      source: "cronaca.example",
      lang: "it",
      date: { value: "2024-08-06", precision: "day" },
      title: ARTICLES.it.title,
      text: ARTICLES.it.text,
      metadata: { feed: "esteri", tags: ["russia", "visita"] },
      version: 1,
      previousId: undefined,
    });
    expect(got?.contentHash).toMatch(/^[0-9a-f]{16}$/);
    expect(Date.parse(got?.ingestedAt ?? "")).not.toBeNaN();
    expect(got?.layers).toEqual(JSON.parse(JSON.stringify(doc.layers)));
    expect(got?.layers.tokens?.length).toBeGreaterThan(10);
    expect(store.get("0000000000000000")).toBeUndefined();
  });

  it("keeps a document without URL, title or date", () => {
    const doc = Document.create({ text: "Nessun titolo, nessuna data." });
    const store = storeWith([doc]);
    expect(store.get(doc.id)).toMatchObject({
      url: undefined,
      title: undefined,
      date: undefined,
      lang: "und",
    });
    expect(store.get(doc.id)?.layers).toEqual({});
  });

  it("changes nothing when the same document is put again", () => {
    const doc = analysed(ARTICLES.es);
    const store = storeWith([doc]);
    const before = store.get(doc.id);
    expect(store.put(doc)).toBe("unchanged");
    expect(store.putMany([doc, doc])).toEqual(["unchanged", "unchanged"]);
    // Same id, so the same article: layers computed again are not written over the stored ones.
    expect(store.put(Document.create(ARTICLES.es))).toBe("unchanged");
    expect(store.get(doc.id)).toEqual(before);
    expect(store.stats()).toMatchObject({ documents: 1, versions: 1 });
  });

  it("stores a new text at a known URL as the next version and keeps the old one", () => {
    const v1 = analysed(ARTICLES.en);
    const v2 = analysed({ ...ARTICLES.en, text: `${ARTICLES.en.text} Later, rain reached Kursk.` });
    const v3 = analysed({ ...ARTICLES.en, title: "Troops cross into Kursk region" });
    const store = storeWith([]);
    expect(store.put(v1)).toBe("added");
    expect(store.put(v2)).toBe("new-version");
    expect(store.put(v3)).toBe("new-version");
    expect(store.put(v1)).toBe("unchanged");

    expect(store.get(v1.id)).toMatchObject({ version: 1, previousId: undefined, text: ARTICLES.en.text });
    expect(store.get(v2.id)).toMatchObject({ version: 2, previousId: v1.id });
    expect(store.get(v3.id)).toMatchObject({ version: 3, previousId: v2.id });
    expect(store.search({ text: "Kursk" }).map((h) => h.id)).toEqual([v3.id]);
    // Words only the replaced version had are no longer found.
    expect(store.search({ text: "rain" })).toEqual([]);
    expect(store.stats()).toMatchObject({ documents: 1, versions: 3, byLang: { en: 1 } });
  });

  it("chains versions of one URL within a single batch", () => {
    const v1 = analysed(ARTICLES.de);
    const v2 = analysed({ ...ARTICLES.de, text: `${ARTICLES.de.text} Er ist 52 Jahre alt.` });
    const store = storeWith([]);
    expect(store.putMany([v1, v2, v1])).toEqual(["added", "new-version", "unchanged"]);
    expect(store.get(v2.id)).toMatchObject({ version: 2, previousId: v1.id });
  });

  it("keeps the same text at two outlets as two documents sharing a content hash", () => {
    const a = analysed(ARTICLES.fr);
    const b = analysed({ ...ARTICLES.fr, url: "https://autre.example/ecole" });
    const store = storeWith([]);
    expect(store.putMany([a, b])).toEqual(["added", "added"]);
    expect(store.get(a.id)?.contentHash).toBe(store.get(b.id)?.contentHash);
    expect(store.stats().documents).toBe(2);
  });
});

describe("SqliteStore putMany failures", () => {
  const broken = Document.create({ url: "https://broken.example/1", text: "Testo qualsiasi." }).withLang("", {
    source: "detected",
    confidence: 0,
  });

  it("rolls back the whole batch on a constraint error and keeps what was stored", () => {
    const it1 = analysed(ARTICLES.it);
    const store = storeWith([it1]);
    const before = store.get(it1.id);
    const it2 = analysed({ ...ARTICLES.it, text: `${ARTICLES.it.text} Ripartirà venerdì.` });
    const es = analysed(ARTICLES.es);

    expect(() => store.putMany([es, it2, broken])).toThrow(/CHECK constraint failed/);
    expect(store.has(es.id)).toBe(false);
    expect(store.has(it2.id)).toBe(false);
    expect(store.has(broken.id)).toBe(false);
    expect(store.get(it1.id)).toEqual(before);
    expect(store.search({ text: "Moscu" })).toEqual([]);
    expect(store.search({ text: "Ripartira" })).toEqual([]);
    expect(store.search({ text: "Mosca" }).map((h) => h.id)).toEqual([it1.id]);
    expect(store.stats()).toMatchObject({ documents: 1, versions: 1, byLang: { it: 1 } });

    // The store stays usable, and the same batch without the bad document goes through.
    expect(store.putMany([es, it2])).toEqual(["added", "new-version"]);
    expect(store.get(it2.id)).toMatchObject({ version: 2, previousId: it1.id });
  });

  it("rolls back a batch holding a date that does not exist", () => {
    const store = storeWith([]);
    const badDate = Document.create({
      text: "Data impossibile.",
      date: { value: "2024-02-30", precision: "day" },
    });
    expect(() => store.putMany([analysed(ARTICLES.fr), badDate])).toThrow(/invalid published date/);
    expect(store.stats()).toMatchObject({ documents: 0, versions: 0 });
  });
});

describe("SqliteStore search", () => {
  const store = storeWith(all());
  const langs = (text: string, filters: { lang?: string; from?: string; to?: string } = {}) =>
    store
      .search({ text, ...filters })
      .map((h) => h.lang)
      .sort();

  it("folds accents and case in both directions", () => {
    expect(langs("Moscu")).toEqual(["es"]);
    expect(langs("MOSCÚ")).toEqual(["es"]);
    expect(langs("universita")).toEqual(["it"]);
    expect(langs("Università")).toEqual(["it"]);
    expect(langs("ecole besancon")).toEqual(["fr"]);
    expect(langs("ete")).toEqual(["fr"]);
    expect(langs("Nguyen Thi")).toEqual(["fr"]);
    expect(langs("Munchen Burgermeister")).toEqual(["de"]);
    expect(langs("mosca")).toEqual(["it"]);
  });

  it("requires every term", () => {
    expect(langs("presidente")).toEqual(["es", "it"]);
    expect(langs("presidente Mosca")).toEqual(["it"]);
    expect(langs("presidente Moscu")).toEqual(["es"]);
    expect(langs("presidente Kursk")).toEqual(["es"]);
    expect(langs("presidente Besancon")).toEqual([]);
  });

  it("returns hit fields, a bracketed snippet, and the best bm25 rank first", () => {
    const hits = store.search({ text: "Kursk" });
    expect(hits.map((h) => h.lang)).toEqual(["en", "es"]);
    expect(hits[0]).toMatchObject({
      url: ARTICLES.en.url,
      source: "news.example",
      date: "2024-08-07",
      title: ARTICLES.en.title,
    });
    expect(hits[0]?.snippet).toContain("[Kursk]");
    expect(hits[0]?.rank).toBeLessThan(hits[1]?.rank ?? Number.NEGATIVE_INFINITY);
    expect(store.search({ text: "Moscu" })[0]?.snippet).toContain("[Moscú]");
  });

  it("treats hostile input as plain words, never as FTS5 syntax", () => {
    const hostile = [
      '"',
      '""""',
      'Kursk" OR (',
      "Kursk)",
      "(Kursk",
      "-Kursk",
      "Kursk -",
      "title:Kursk",
      "{title text}: Kursk",
      "Kurs*",
      "*",
      "^Kursk",
      "NEAR(Kursk Moscow, 2)",
      "Kursk AND",
      "OR",
      "NOT Kursk",
      "'; DROP TABLE documents; --",
      "\\",
      "",
      "   ",
      "\u0000Kursk",
    ];
    for (const text of hostile) expect(() => store.search({ text }), text).not.toThrow();
    // Punctuation around a word does not change what is found, and operators are not operators.
    expect(langs('"Kursk"')).toEqual(["en", "es"]);
    expect(langs("-Kursk")).toEqual(["en", "es"]);
    expect(langs("(Kursk)")).toEqual(["en", "es"]);
    expect(langs("Kurs*")).toEqual([]);
    expect(langs("Kursk OR Besancon")).toEqual([]);
    expect(langs("*")).toEqual([]);
    expect(store.stats().documents).toBe(5);
  });

  it("filters by language", () => {
    expect(langs("presidente", { lang: "es" })).toEqual(["es"]);
    expect(langs("Kursk", { lang: "it" })).toEqual([]);
  });

  it("keeps a document when its date, at its own precision, overlaps the range", () => {
    // es is "2024-08": any range touching August 2024 holds it.
    expect(langs("presidente", { from: "2024-08-20" })).toEqual(["es"]);
    expect(langs("presidente", { to: "2024-08-01" })).toEqual(["es"]);
    expect(langs("presidente", { from: "2024-08-31", to: "2024-09" })).toEqual(["es"]);
    expect(langs("presidente", { from: "2024-09" })).toEqual([]);
    expect(langs("presidente", { to: "2024-07-31" })).toEqual([]);
    // it is "2024-08-06".
    expect(langs("presidente", { from: "2024-08-06", to: "2024-08-06" })).toEqual(["es", "it"]);
    expect(langs("presidente", { from: "2024-08-07" })).toEqual(["es"]);
    expect(langs("presidente", { from: "2024", to: "2024" })).toEqual(["es", "it"]);
    // fr is "2024".
    expect(langs("ecole", { from: "2024-12-31" })).toEqual(["fr"]);
    expect(langs("ecole", { to: "2023" })).toEqual([]);
    // de is a time: its calendar day counts, as written.
    expect(langs("Munchen", { from: "2024-08-10", to: "2024-08-10" })).toEqual(["de"]);
    expect(langs("Munchen", { to: "2024-08-09" })).toEqual([]);
    // Kursk: en 2024-08-07, es 2024-08.
    expect(langs("Kursk", { to: "2024-08-08" })).toEqual(["en", "es"]);
    expect(langs("Kursk", { from: "2024-08-08", lang: "en" })).toEqual([]);
  });

  it("leaves out undated documents when a date bound is given, and refuses bounds that are not dates", () => {
    const s = storeWith([Document.create({ lang: "it", text: "Una notizia senza data da Mosca." })]);
    expect(s.search({ text: "Mosca" })).toHaveLength(1);
    expect(s.search({ text: "Mosca", from: "2000" })).toEqual([]);
    expect(() => s.search({ text: "Mosca", from: "ieri" })).toThrow(RangeError);
    expect(() => s.search({ text: "Mosca", to: "2024-02-30" })).toThrow(RangeError);
  });

  it("returns at most limit hits, 20 by default", () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      Document.create({ lang: "en", url: `https://wire.example/${i}`, text: `Bulletin ${i} from the wire.` }),
    );
    const s = storeWith(many);
    expect(s.search({ text: "bulletin" })).toHaveLength(20);
    expect(s.search({ text: "bulletin", limit: 3 })).toHaveLength(3);
    expect(s.search({ text: "bulletin", limit: 100 })).toHaveLength(25);
    expect(() => s.search({ text: "bulletin", limit: 0 })).toThrow(RangeError);
  });
});

describe("SqliteStore stats", () => {
  it("is empty for a new store", () => {
    expect(storeWith([]).stats()).toEqual({
      documents: 0,
      versions: 0,
      byLang: {},
      bySource: {},
      annotations: {},
      schemaVersion: MIGRATIONS.length,
    });
  });

  it("counts the newest versions by language, outlet and layer, and every stored version", () => {
    const docs = all();
    const en2 = analysed({ ...ARTICLES.en, text: "Troops cross into Kursk\n\nA shorter text." });
    const noSource = Document.create({ lang: "it", text: "Senza fonte." });
    const store = storeWith([...docs, en2, noSource]);
    const latest = [...docs.filter((d) => d.lang !== "en"), en2];
    const total = (layer: "paragraphs" | "sentences" | "tokens") =>
      latest.reduce((n, d) => n + d.layer(layer).length, 0);

    expect(store.stats()).toEqual({
      documents: 6,
      versions: 7,
      byLang: { it: 2, es: 1, fr: 1, de: 1, en: 1 },
      bySource: {
        "cronaca.example": 1,
        "diario.example": 1,
        "journal.example": 1,
        "zeitung.example": 1,
        "news.example": 1,
      },
      annotations: {
        paragraphs: total("paragraphs"),
        sentences: total("sentences"),
        tokens: total("tokens"),
      },
      schemaVersion: MIGRATIONS.length,
    });
    expect(total("tokens")).toBeLessThan(docs.reduce((n, d) => n + d.layer("tokens").length, 0));
  });
});
