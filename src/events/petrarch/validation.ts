import { dirname, join } from "node:path";
import { codeText } from "./code-text.js";
import type { DictionaryEvent } from "./coder.js";
import type { PetrarchDictionaries, PetrarchFiles } from "./load.js";

/** One record of a PETRARCH validation file: its text, date and the events it should give. */
export interface ValidationRecord {
  readonly id: string;
  readonly category: string;
  readonly date: string | null;
  readonly text: string;
  /** `source target code` triples; empty for `noevents` and `error` records. */
  readonly expected: readonly string[];
}

const attr = (tag: string, name: string) =>
  new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

const xmlText = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The dictionary files a validation file's `<Environment>` names, resolved beside it. */
export function validationFiles(xml: string, path: string): PetrarchFiles {
  const tag = (name: string) => new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(xml)?.[1];
  const file = (name: string) => {
    const f = tag(name);
    return f ? join(dirname(path), f) : undefined;
  };
  const verbs = file("Verbfile");
  const actors = file("Actorfile");
  if (!verbs || !actors) throw new Error(`${path}: <Environment> names no <Verbfile> or <Actorfile>`);
  return { verbs, actors: [actors], agents: file("Agentfile"), discards: file("Discardfile") };
}

/** The `<Sentence>` records of a PETRARCH validation file (read leniently: the files are hand-edited XML). */
export function parseValidationRecords(xml: string): ValidationRecord[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");
  const out: ValidationRecord[] = [];
  for (const m of body.matchAll(/<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g)) {
    const tag = m[1] ?? "";
    const inner = m[2] ?? "";
    const text = /<Text>([\s\S]*?)<\/Text>/.exec(inner)?.[1];
    if (text === undefined) continue;
    const rawDate = attr(tag, "date") ?? "";
    const expected = [...inner.matchAll(/<EventCoding\b([^>]*)>/g)].flatMap((c) => {
      const [s, t, e] = ["sourcecode", "targetcode", "eventcode"].map((n) => attr(c[1] ?? "", n));
      return s !== undefined && t !== undefined && e !== undefined ? [`${s} ${t} ${e}`] : [];
    });
    out.push({
      id: attr(tag, "id") ?? "",
      category: attr(tag, "category") ?? "",
      date: /^\d{8}$/.test(rawDate)
        ? `${rawDate.slice(0, 4)}-${rawDate.slice(4, 6)}-${rawDate.slice(6)}`
        : null,
      text: xmlText(text.replace(/\s+/g, " ").trim()),
      expected,
    });
  }
  return out;
}

export interface CategoryScore {
  expected: number;
  produced: number;
  /** Expected events produced (source, target and code all right). */
  found: number;
  /** Produced events no record expected. */
  unexpected: number;
  failures: string[];
}

const triple = (e: DictionaryEvent) => `${e.source.code} ${e.target.code} ${e.code}`;

/** Codes each record's text with the dictionaries and counts, per category, what matched. */
export function scoreValidation(
  records: readonly ValidationRecord[],
  dicts: PetrarchDictionaries,
): Map<string, CategoryScore> {
  const out = new Map<string, CategoryScore>();
  for (const r of records) {
    const score = out.get(r.category) ?? { expected: 0, produced: 0, found: 0, unexpected: 0, failures: [] };
    out.set(r.category, score);
    const produced = codeText({ text: r.text }, r.date, dicts).events.map(triple);
    const left = [...r.expected];
    let unexpected = 0;
    for (const p of produced) {
      const at = left.indexOf(p);
      if (at >= 0) left.splice(at, 1);
      else unexpected++;
    }
    score.expected += r.expected.length;
    score.produced += produced.length;
    score.found += r.expected.length - left.length;
    score.unexpected += unexpected;
    if (left.length || unexpected)
      score.failures.push(`${r.id}: expected [${r.expected.join("; ")}] got [${produced.join("; ")}]`);
  }
  return out;
}
