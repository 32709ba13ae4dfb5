import { join } from "node:path";
import type { DocumentInit } from "../src/document/document.js";
import { packageRoot } from "../src/paths.js";
import { readAll } from "../src/readers/index.js";

/** The project's own example articles, read through the real readers. */
export async function exampleArticles(): Promise<DocumentInit[]> {
  const out: DocumentInit[] = [];
  for await (const item of readAll([join(packageRoot(), "examples")], {})) {
    if (item.kind === "document") out.push(item.init);
  }
  if (out.length === 0) throw new Error("bench: no example articles found under examples/");
  return out;
}

/**
 * A synthetic corpus of `count` documents in the examples' languages: each is an example
 * article with its body paragraphs rotated, its numbers shifted and a serial appended, then
 * repeated to about `targetChars` characters, so that texts differ (no cache can help) while
 * keeping the language mix and the density of names, dates and numbers of real news.
 */
export function syntheticCorpus(
  bases: readonly DocumentInit[],
  count: number,
  targetChars = 4000,
): DocumentInit[] {
  const docs: DocumentInit[] = [];
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length] as DocumentInit;
    const [headline, ...body] = base.text.split("\n\n");
    const shift = Math.floor(i / bases.length);
    const rotated = body.map((_, k) => body[(k + shift) % body.length] as string);
    let text = rotated.join("\n\n").replace(/\d+/g, (d) => String(Number(d) + (shift % 7)));
    while (text.length < targetChars) text = `${text}\n\n${rotated[text.length % rotated.length]}`;
    docs.push({
      ...base,
      url: `${base.url ?? "https://bench.example/doc"}?n=${i}`,
      text: `${headline}\n\n${text}\n\n#${i}`,
    });
  }
  return docs;
}
