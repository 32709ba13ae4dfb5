import type { KnowledgeBase } from "../kb.js";
import { emptyRecords, KbFormatError } from "../records.js";
import type { DatePrecision, Entity, KbRecords } from "../schema.js";

interface Term {
  type: string;
  value: string;
  "xml:lang"?: string;
}
type Binding = Record<string, Term | undefined>;

/** Offices named by a Wikidata label, for positions the KB does not know yet. */
const OFFICE_BY_LABEL: readonly [RegExp, string][] = [
  [/\b(vice[- ]premier|deputy prime minister)\b/i, "deputy_head_of_government"],
  [/\bvice[- ]president\b/i, "vice_president"],
  [/\b(prime minister|premier|chancellor)\b/i, "head_of_government"],
  [/\b(minister of foreign affairs|foreign minister|secretary of state)\b/i, "foreign_minister"],
  [/\b(minister of (national )?defen[cs]e|defen[cs]e minister|secretary of defense)\b/i, "defence_minister"],
  [/\b(spokesperson|press secretary)\b/i, "spokesperson"],
  [/\b(governor of the (central|people's) bank|central bank governor)\b/i, "central_bank_governor"],
  [/\b(president|monarch|king|queen|emperor|supreme leader)\b/i, "head_of_state"],
];

const QID = /\/entity\/(Q\d+)$/;
const DATE = /^(-?\d{4})-(\d{2})-(\d{2})/;

/**
 * Reads SPARQL JSON results (the query is in docs/KB.md): each row is a person with, optionally, a
 * position held (`position`, `positionLabel`, `countryCode`, `start`, `end`, `startPrecision`) and,
 * optionally, a label in a language (`label` with its `xml:lang`). Positions the KB knows by QID keep
 * their KB office; others become offices typed from their English label. A row that lacks a person
 * or carries a malformed value is refused with the line where it starts.
 */
export function parseWikidataResults(text: string, file: string, kb?: KnowledgeBase): KbRecords {
  let json: { results?: { bindings?: unknown } };
  try {
    json = JSON.parse(text) as typeof json;
  } catch (error) {
    const at = /position (\d+)/.exec(String(error))?.[1];
    throw new KbFormatError(file, at ? lineAt(text, Number(at)) : 1, `not JSON: ${(error as Error).message}`);
  }
  const bindings = json.results?.bindings;
  if (!Array.isArray(bindings))
    throw new KbFormatError(file, 1, "no results.bindings array (expected SPARQL JSON results)");
  const lines = bindingLines(text);
  const out = emptyRecords();
  const officeByQid = new Map<string, string>();
  for (const e of kb?.entities.values() ?? [])
    if (e.type === "office" && e.wikidata) officeByQid.set(e.wikidata, e.id);
  const seen = new Set<string>();
  const terms = new Set<string>();
  bindings.forEach((b: Binding, n) => {
    const line = lines[n] ?? 1;
    const fail = (reason: string): never => {
      throw new KbFormatError(file, line, reason);
    };
    const person = qid(b.person, "person", fail);
    if (!person) fail("row without a person (expected a ?person binding with a Wikidata entity URI)");
    const personName = b.personLabel?.value ?? person;
    if (!seen.has(person)) {
      seen.add(person);
      out.entities.push(entity(person, "person", "politician", personName, "", person));
      out.names.push({ id: person, lang: "*", kind: "name", name: personName });
    }
    if (b.label) {
      const lang = b.label["xml:lang"] ?? b.lang?.value ?? "";
      if (!/^[a-z]{2,3}$/.test(lang)) fail(`label "${b.label.value}" without a language`);
      out.names.push({ id: person, lang, kind: "name", name: b.label.value });
    }
    const position = qid(b.position, "position", fail);
    if (!position) return;
    const country = b.countryCode?.value ?? "";
    if (!/^[A-Z]{3}$/.test(country)) fail(`position ${position} without an ISO alpha-3 ?countryCode`);
    let office = officeByQid.get(position);
    if (!office) {
      const label = b.positionLabel?.value ?? position;
      const type = OFFICE_BY_LABEL.find(([re]) => re.test(label))?.[1] ?? "office";
      office = position;
      officeByQid.set(position, office);
      out.entities.push({
        ...entity(office, "office", type, label, country, position),
        cameo: `${country}GOV`,
      });
    }
    const startPrecision = precision(b.startPrecision);
    const from = date(b.start, "start", startPrecision, fail);
    if (!from) fail(`position ${position} without a ?start date`);
    const to = date(b.end, "end", precision(b.endPrecision), fail);
    if (to && to < from) fail(`end ${to} before start ${from}`);
    // The query repeats a term once per label language.
    const term = `${person}|${office}|${from}|${to}`;
    if (terms.has(term)) return;
    terms.add(term);
    out.holds.push({
      person,
      office,
      from,
      to,
      precision: startPrecision,
      source: `wikidata ${file}`,
    });
  });
  return out;
}

function entity(
  id: string,
  type: Entity["type"],
  kind: string,
  name: string,
  country: string,
  wikidata: string,
): Entity {
  return { id, type, kind, name, country, cameo: "", wikidata, geonames: 0, lat: 0, lon: 0, population: 0 };
}

function qid(term: Term | undefined, what: string, fail: (r: string) => never): string {
  if (!term) return "";
  const m = QID.exec(term.value) ?? /^(Q\d+)$/.exec(term.value);
  if (!m) fail(`?${what} is not a Wikidata entity: "${term.value}"`);
  return m?.[1] ?? "";
}

/** A Wikidata time cut to its precision: a year-precise start is written "2021-00-00T00:00:00Z". */
function date(term: Term | undefined, what: string, p: DatePrecision, fail: (r: string) => never): string {
  if (!term) return "";
  const m = DATE.exec(term.value);
  if (!m) fail(`bad ?${what} date "${term.value}"`);
  const [, y, mo, d] = m as RegExpExecArray;
  if (p !== "year" && (Number(mo) < 1 || Number(mo) > 12)) fail(`bad month in ?${what} date "${term.value}"`);
  if (p === "day" && (Number(d) < 1 || Number(d) > 31)) fail(`bad day in ?${what} date "${term.value}"`);
  return p === "year" ? `${y}` : p === "month" ? `${y}-${mo}` : `${y}-${mo}-${d}`;
}

/** Wikidata time precision: 11 day, 10 month, 9 year. */
function precision(term: Term | undefined): DatePrecision {
  const p = Number(term?.value ?? 11);
  return p >= 11 ? "day" : p === 10 ? "month" : "year";
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Line where each object of the `bindings` array starts, found by a scan that skips strings. */
function bindingLines(text: string): number[] {
  const at = text.indexOf('"bindings"');
  const out: number[] = [];
  if (at < 0) return out;
  let line = lineAt(text, at);
  let depth = 0;
  let inString = false;
  for (let i = text.indexOf("[", at) + 1; i > 0 && i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") {
      if (depth === 0 && c === "{") out.push(line);
      depth++;
    } else if (c === "}" || c === "]") {
      if (depth === 0) break;
      depth--;
    }
  }
  return out;
}
