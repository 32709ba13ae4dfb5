import { describe, expect, it } from "vitest";
import { parsePublishedDate } from "../../src/document/date.js";
import { contentHash, Document, documentId, sourceFromUrl } from "../../src/document/document.js";
import { Pipeline, type Stage } from "../../src/document/pipeline.js";
import { LangPacks } from "../../src/lang/packs.js";

describe("parsePublishedDate", () => {
  it("keeps the precision the input has", () => {
    expect(parsePublishedDate("2024")).toEqual({ value: "2024", precision: "year" });
    expect(parsePublishedDate(" 2024-08 ")).toEqual({ value: "2024-08", precision: "month" });
    expect(parsePublishedDate("2024-08-21")).toEqual({ value: "2024-08-21", precision: "day" });
    expect(parsePublishedDate("2024-08-21 16:30")).toEqual({ value: "2024-08-21T16:30", precision: "time" });
  });

  it("refuses dates that do not exist instead of rolling them over", () => {
    expect(parsePublishedDate("2024-02-30")).toBeUndefined();
    expect(parsePublishedDate("2023-02-29")).toBeUndefined();
    expect(parsePublishedDate("2024-02-29")).toBeDefined();
    expect(parsePublishedDate("2024-13")).toBeUndefined();
    expect(parsePublishedDate("21/08/2024")).toBeUndefined();
  });
});

describe("Document", () => {
  const init = { url: "https://www.example.org/a", title: "T", text: "T\n\nBody." };

  it("derives a stable id from url, title and text, and the outlet from the URL", () => {
    const a = Document.create(init);
    expect(a.id).toBe(documentId(init));
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    expect(Document.create({ ...init, url: "https://other.example/a" }).id).not.toBe(a.id);
    expect(a.source).toBe("example.org");
    expect(sourceFromUrl("not a url")).toBeUndefined();
  });

  it("shares a content hash between copies that differ only in whitespace", () => {
    expect(contentHash("a  b\n c")).toBe(contentHash("a b c"));
    expect(contentHash("a b c")).not.toBe(contentHash("a b d"));
  });

  it("is immutable: adding a layer returns a new document and leaves the old one as it was", () => {
    const a = Document.create(init);
    const b = a.withLayer("sentences", [{ start: 0, end: 1, paragraph: 0 }]);
    expect(a.layer("sentences")).toEqual([]);
    expect(b.layer("sentences")).toHaveLength(1);
    expect(b.text).toBe(a.text);
    expect(() => {
      (a as unknown as { text: string }).text = "changed";
    }).toThrow();
    expect(Object.isFrozen(b.layer("sentences"))).toBe(true);
  });

  it("records whether the language came from metadata", () => {
    expect(Document.create({ ...init, lang: "IT" }).langDecision.source).toBe("metadata");
    expect(Document.create({ ...init, lang: "IT" }).lang).toBe("it");
    expect(Document.create(init).lang).toBe("und");
  });
});

describe("Pipeline", () => {
  const resources = { packs: new LangPacks() };
  const writer: Stage = {
    name: "one-sentence",
    reads: [],
    writes: ["sentences"],
    run: (doc) => doc.withLayer("sentences", [{ start: 0, end: doc.text.length, paragraph: 0 }]),
  };
  const reader: Stage = {
    name: "paragraph-from-sentences",
    reads: ["sentences"],
    writes: ["paragraphs"],
    run: (doc) =>
      doc.withLayer(
        "paragraphs",
        doc.layer("sentences").map((s) => ({ start: s.start, end: s.end, headline: false })),
      ),
  };

  it("refuses a stage that reads a layer no earlier stage writes", () => {
    expect(() => new Pipeline([reader, writer], resources)).toThrow(/reads layer "sentences"/);
  });

  it("runs stages in order and records their timings", () => {
    const timings = new Map<string, number>();
    const out = new Pipeline([writer, reader], resources).run(Document.create({ text: "Hello." }), timings);
    expect(out.layer("paragraphs")).toEqual([{ start: 0, end: 6, headline: false }]);
    expect([...timings.keys()]).toEqual(["one-sentence", "paragraph-from-sentences"]);
  });
});
