import type { Analyzer } from "../../src/analysis.js";
import type { Document } from "../../src/document/document.js";
import type { Span } from "../../src/document/span.js";

/** One change made to a copy of a real report, at its span in the copy. */
export interface Edit extends Span {
  readonly kind: "amount" | "date" | "role" | "appended";
}

export interface Altered {
  readonly text: string;
  readonly edits: readonly Edit[];
}

interface Replacement extends Span {
  readonly kind: Edit["kind"];
  readonly by: string;
}

/** A number beyond any tolerance: half again as much, written with the same digits style. */
function amountEdit(doc: Document): Replacement | undefined {
  for (const a of doc.layer("amounts")) {
    if (a.kind === "ordinal") continue;
    const text = doc.text.slice(a.start, a.end);
    const digits = /\d+/.exec(text);
    if (!digits || Number(digits[0]) < 2) continue;
    const start = a.start + digits.index;
    return {
      kind: "amount",
      start,
      end: start + digits[0].length,
      by: String(Math.round(Number(digits[0]) * 1.5)),
    };
  }
  return undefined;
}

/** A day of an absolute date moved by nine days, written as the article writes it. */
function dateEdit(doc: Document): Replacement | undefined {
  for (const t of doc.layer("times")) {
    if (t.type !== "DATE" || t.anchor || !/^\d{4}-\d{2}-\d{2}$/.test(t.value)) continue;
    const day = Number(t.value.slice(8));
    const text = doc.text.slice(t.start, t.end);
    const written = new RegExp(`(?<!\\d)0?${day}(?!\\d)`).exec(text);
    if (!written) continue;
    const start = t.start + written.index;
    return { kind: "date", start, end: start + written[0].length, by: String(day <= 19 ? day + 9 : day - 9) };
  }
  return undefined;
}

/** A title the KB agrees with, replaced by the language's title of an office the person did not hold. */
function roleEdit(doc: Document, analyzer: Analyzer): Replacement | undefined {
  const titles = analyzer.pipeline.resources.packs.get(doc.lang)?.table("titles.tsv") ?? [];
  for (const r of doc.layer("roles")) {
    if (!r.matchesKb) continue;
    const other = titles.find(
      ([form = "", types = ""]) =>
        form === form.toLowerCase() &&
        types.split("|").every((t) => !r.officeTypes.includes(t)) &&
        /deputy_head_of_government|foreign_minister|defence_minister/.test(types),
    );
    if (other?.[0]) return { kind: "role", start: r.start, end: r.end, by: other[0] };
  }
  return undefined;
}

/**
 * An altered copy of a report: a number, a date and a title changed where the report has them, and
 * a paragraph of an unrelated report appended. The edits are recorded for scoring only.
 */
export function alter(doc: Document, analyzer: Analyzer, unrelated: string | undefined): Altered {
  const replacements = [amountEdit(doc), dateEdit(doc), roleEdit(doc, analyzer)]
    .filter((r): r is Replacement => r !== undefined)
    .sort((a, b) => a.start - b.start)
    .filter((r, i, all) => i === 0 || r.start >= (all[i - 1] as Replacement).end);
  let text = "";
  let at = 0;
  const edits: Edit[] = [];
  for (const r of replacements) {
    text += doc.text.slice(at, r.start);
    edits.push({ kind: r.kind, start: text.length, end: text.length + r.by.length });
    text += r.by;
    at = r.end;
  }
  text += doc.text.slice(at);
  if (unrelated) {
    text += "\n\n";
    edits.push({ kind: "appended", start: text.length, end: text.length + unrelated.length });
    text += unrelated;
  }
  return { text, edits };
}
