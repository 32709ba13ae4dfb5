import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import { parsePublishedDate } from "../../src/document/date.js";
import type { Document } from "../../src/document/document.js";
import { ingestPaths } from "../../src/ingest.js";
import { packageRoot } from "../../src/paths.js";
import { openSqliteCorpusStore, type SqliteCorpusStore } from "../../src/store/sqlite/corpus-store.js";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite/index.js";
import { type AlignedPair, type SentenceFacts, supports } from "../../src/verify/align.js";
import { checkDocument } from "../../src/verify/check.js";
import { isDerived } from "../../src/verify/passages.js";
import { findSources } from "../../src/verify/sources.js";

const analyzer = new Analyzer();
const examples = join(packageRoot(), "examples");
const dir = mkdtempSync(join(tmpdir(), "relata-passages-"));
let store: SqliteStore;
let corpus: SqliteCorpusStore;

interface Example {
  lang: string;
  date: string;
  url: string;
  text: string;
}
const articles = readFileSync(join(examples, "articles.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Example);
const english = articles.find((a) => a.lang === "en") as Example;
const kazan = readFileSync(join(examples, "brics-kazan.it.txt"), "utf8");

const analyze = (text: string, lang: string, date: string): Document =>
  analyzer.analyze({ text, lang, date: parsePublishedDate(date), url: "https://suspect.example/copy" });
const unsupported = (doc: Document) =>
  checkDocument(doc, analyzer.kb, store).findings.filter((f) => f.verdict === "unsupported");

/** Whether the suspect is a copy, rewrite or translation of a stored report. */
const derives = (doc: Document) => findSources(doc, store, analyzer.kb).some((s) => isDerived(s.alignment));

beforeAll(async () => {
  store = openSqliteStore(join(dir, "corpus.db"));
  await ingestPaths(store, analyzer, [
    join(examples, "articles.jsonl"),
    join(examples, "brics-kazan.it.txt"),
  ]);
  corpus = openSqliteCorpusStore(join(dir, "corpus.db"));
  corpus.update();
}, 120_000);

afterAll(() => {
  corpus.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("paragraphs after the article's closing line", () => {
  const slant =
    "Many observers believe that the West has lost all influence in the region and that its sanctions only brought Moscow and Beijing closer.";
  const body = english.text.split(/\n\n/)[0] as string;
  const closing = "This story has been updated with additional details.";

  it("are unsupported when no report in the corpus has them", () => {
    // Part of a stored report, too little of it for a copy: nothing the suspect derives from.
    const doc = analyze(`${body}\n\n${closing}\n\n${slant}`, "en", english.date);
    expect(derives(doc)).toBe(false);
    const found = unsupported(doc);
    expect(found.map((f) => f.text)).toEqual([slant]);
    expect(found[0]?.message).toContain(closing);
    expect(found[0]?.evidence).toMatchObject([{ doc: doc.id, text: closing }]);
  });

  it("are not singled out without a closing line before them", () => {
    const doc = analyze(`${body}\n\n${slant}`, "en", english.date);
    expect(derives(doc)).toBe(false);
    expect(unsupported(doc)).toEqual([]);
  });

  it("are not the closing lines themselves, nor a closing line early in the text", () => {
    const early = analyze(`${closing}\n\n${body}\n\n${slant}\n\n${body}`, "en", english.date);
    expect(unsupported(early).filter((f) => f.text === slant)).toEqual([]);
    const late = analyze(`${body}\n\n${closing}\n\n${slant}\n\nAll rights reserved.`, "en", english.date);
    expect(unsupported(late).map((f) => f.text)).not.toContain("All rights reserved.");
  });
});

describe("a paragraph lifted from a report of another story", () => {
  it("is unsupported in a copy, though that report is in the corpus", () => {
    const lifted = kazan.split(/\n\n/)[1] as string;
    const doc = analyze(`${english.text}\n\n${lifted}`, "en", english.date);
    const report = checkDocument(doc, analyzer.kb, store, corpus);
    expect(report.derivedFrom[0]?.url).toBe(english.url);
    expect(report.story).toBe(corpus.storyOf(report.derivedFrom[0]?.doc as string));
    const flagged = report.findings.filter((f) => f.verdict === "unsupported");
    expect(flagged.map((f) => f.text)).toEqual([lifted]);
    expect(flagged[0]?.message).toMatch(/no sentence of the \d+ sources? of this story/);
  });
});

describe("a title the KB contradicts", () => {
  it("is counted against the titles the other reports of the story give", () => {
    const altered = readFileSync(join(examples, "altered", "li-qiang-mosca.it.txt"), "utf8");
    const [, date = ""] = /^date (\S+)/.exec(altered) ?? [];
    const doc = analyze(altered.slice(altered.indexOf("\n") + 1), "it", date);
    const role = checkDocument(doc, analyzer.kb, store, corpus).findings.find(
      (f) => f.text === "vicepremier",
    );
    expect(role?.verdict).toBe("contradicted");
    expect(role?.message).toMatch(
      /KB; (\d+) of the \1 other reports? of this story that title Li Qiang agree with the KB\)/,
    );
    expect(role?.evidence.some((e) => "doc" in e && /premier/i.test(e.text))).toBe(true);
    // Without the stories, the KB alone speaks.
    expect(
      checkDocument(doc, analyzer.kb, store).findings.find((f) => f.text === "vicepremier")?.message,
    ).not.toMatch(/other report/);
  });
});

describe("events", () => {
  it("are contradicted when the report a copy derives from has other actors for them", () => {
    const swapped = english.text.replace(
      "Russian President Vladimir Putin",
      "Belarusian President Alexander Lukashenko",
    );
    expect(swapped).not.toBe(english.text);
    const doc = analyze(swapped, "en", english.date);
    const events = checkDocument(doc, analyzer.kb, store, corpus).findings.filter((f) => f.kind === "event");
    const talks = events.find((f) => f.verdict === "contradicted");
    expect(talks?.text).toBe("talks");
    expect(talks?.message).toMatch(/Li Qiang → Alexander Lukashenko.*has Li Qiang → Vladimir Putin/);
    expect(talks?.evidence[0]).toMatchObject({ url: english.url });
    // What the copy kept is corroborated by the same report.
    expect(events.filter((f) => f.verdict === "corroborated").length).toBeGreaterThan(0);
  });
});

describe("supports", () => {
  const facts = (anchors: string[], words: string[] = []): SentenceFacts => ({
    index: 0,
    start: 0,
    end: 1,
    paragraph: 0,
    anchors: new Set(anchors),
    words: new Set(words),
  });
  const pair = (a: SentenceFacts, b: SentenceFacts): AlignedPair => ({ suspect: a, source: b, score: 1 });

  const common = (a: string) => a === "e:Q7747";

  it("needs across languages a name rare in the story, or two common ones", () => {
    const putin = pair(facts(["e:Q7747", "g:Q159"]), facts(["e:Q7747", "g:Q159"]));
    expect(supports(putin, false, common)).toBe(false);
    expect(supports(putin, false, () => false)).toBe(true);
    const dated = pair(facts(["e:Q7747", "t:2024-08-06"]), facts(["e:Q7747", "t:2024-08-06"]));
    expect(supports(dated, false, common)).toBe(true);
    expect(supports(pair(facts(["g:Q159"]), facts(["g:Q159"])), false, () => false)).toBe(false);
  });

  it("accepts much of the same wording within one language", () => {
    const words = ["summit", "kazan", "leaders", "opened"];
    expect(supports(pair(facts(["e:Q7747"], words), facts(["e:Q7747"], words)), true, common)).toBe(true);
    expect(supports(pair(facts(["e:Q7747"], words), facts(["e:Q7747"], words)), false, common)).toBe(false);
  });
});
