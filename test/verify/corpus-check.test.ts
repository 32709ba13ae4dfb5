import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import type { Document } from "../../src/document/document.js";
import { ingestPaths } from "../../src/ingest.js";
import { packageRoot } from "../../src/paths.js";
import { readAll } from "../../src/readers/index.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { checkDocument } from "../../src/verify/check.js";

const analyzer = new Analyzer();
const store = openSqliteStore(":memory:");
const examples = join(packageRoot(), "examples");

async function read(path: string): Promise<Document[]> {
  const docs: Document[] = [];
  for await (const item of readAll([path]))
    if (item.kind === "document") docs.push(analyzer.analyze(item.init));
  return docs;
}

let altered: Document;
let originals: Document[];

beforeAll(async () => {
  await ingestPaths(store, analyzer, [
    join(examples, "articles.jsonl"),
    join(examples, "brics-kazan.it.txt"),
  ]);
  [altered] = (await read(join(examples, "altered", "li-qiang-mosca.it.txt"))) as [Document];
  originals = await read(join(examples, "articles.jsonl"));
});

describe("checkDocument against a corpus", () => {
  it("finds the source an altered copy derives from, first", () => {
    const report = checkDocument(altered, analyzer.kb, store);
    const italian = originals.find((d) => d.lang === "it");
    expect(report.derivedFrom[0]?.doc).toBe(italian?.id);
  });

  it("finds each edit of the altered copy, with evidence from the sources", () => {
    const findings = checkDocument(altered, analyzer.kb, store).findings;
    const at = (kind: string, text: string) =>
      findings.find((f) => f.kind === kind && f.text.startsWith(text));
    expect(at("role", "vicepremier")?.verdict).toBe("contradicted");
    const time = at("time", "due mesi fa");
    expect(time?.verdict).toBe("contradicted");
    expect(time?.evidence.some((e) => "text" in e && e.text.includes("6 agosto"))).toBe(true);
    expect(at("attribution", "La nostra cooperazione")?.message).toMatch(
      /to Li Qiang; .* to Mikhail Mishustin/,
    );
    const added = at("unsupported-passage", "Molti osservatori");
    expect(added?.verdict).toBe("unsupported");
    expect(altered.text.slice(added?.start, added?.end)).toBe(added?.text);
    expect(at("amount", "circa 240 miliardi")?.verdict).toBe("corroborated");
  });

  it("contradicts nothing in the untouched reports", () => {
    for (const doc of originals) {
      const contradicted = checkDocument(doc, analyzer.kb, store).findings.filter(
        (f) => f.verdict === "contradicted" || f.verdict === "unsupported",
      );
      expect(contradicted, doc.url).toEqual([]);
    }
  });
});
