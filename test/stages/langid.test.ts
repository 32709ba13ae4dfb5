import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Document } from "../../src/document/document.js";
import { LangPacks } from "../../src/lang/packs.js";
import { detectLanguage, langIdStage } from "../../src/stages/langid.js";

interface Fixture {
  readonly lang: string;
  readonly short: readonly string[];
  readonly long: readonly string[];
}

const dir = join(import.meta.dirname, "../fixtures/langid");
const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Fixture);
const resources = { packs: new LangPacks() };

describe("detectLanguage", () => {
  it("has fixtures for the eight pack languages", () => {
    expect(fixtures.map((f) => f.lang).sort()).toEqual(["ar", "de", "en", "es", "fr", "it", "pt", "ru"]);
  });

  for (const fx of fixtures) {
    it(`reads ${fx.lang} paragraphs and one-sentence texts`, () => {
      for (const text of fx.long) expect(detectLanguage(text)).toMatchObject({ lang: fx.lang });
      // Headline-length texts may rarely fool an n-gram model: allow one miss per language.
      const misses = fx.short.filter((text) => detectLanguage(text).lang !== fx.lang);
      expect(misses.length).toBeLessThanOrEqual(1);
    });
  }

  it("gives a confidence between 0 and 1, high on a paragraph", () => {
    for (const fx of fixtures) {
      const { confidence } = detectLanguage(fx.long[0] ?? "");
      expect(confidence).toBeGreaterThan(0.4);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });

  it("answers und for empty, too short or letterless text", () => {
    for (const text of ["", "   ", "OK", "Putin e Xi", "2024-08-01 12:00 — 5,5%"]) {
      expect(detectLanguage(text)).toEqual({ lang: "und", confidence: 0 });
    }
  });
});

describe("langIdStage", () => {
  const italian = fixtures.find((f) => f.lang === "it")?.long[0] ?? "";

  it("keeps a language the metadata gives", () => {
    const doc = langIdStage.run(Document.create({ lang: "en", text: italian }), resources);
    expect(doc.lang).toBe("en");
    expect(doc.langDecision).toEqual({ source: "metadata", confidence: 1 });
  });

  it("detects the language otherwise, reading the title too", () => {
    const doc = langIdStage.run(Document.create({ text: italian }), resources);
    expect(doc.lang).toBe("it");
    expect(doc.langDecision.source).toBe("detected");
    expect(doc.langDecision.confidence).toBeGreaterThan(0.4);
    const titled = langIdStage.run(
      Document.create({ title: "Il governo approva la manovra economica", text: "Roma, 12" }),
      resources,
    );
    expect(titled.lang).toBe("it");
  });

  it("marks the language undetermined when the text cannot tell", () => {
    const doc = langIdStage.run(Document.create({ text: "12.08.2024" }), resources);
    expect(doc.lang).toBe("und");
    expect(doc.langDecision).toEqual({ source: "undetermined", confidence: 0 });
    expect(langIdStage).toMatchObject({ name: "langid", reads: [], writes: [] });
  });
});
