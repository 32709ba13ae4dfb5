import { nameKey } from "../normalize.js";
import { emptyRecords, KbFormatError } from "../records.js";
import { blankEntity, type KbRecords } from "../schema.js";

/**
 * TABARI/PETRARCH dates are YYMMDD (or YYYYMMDD); two-digit years from 30 on are 19xx, as in the
 * Phoenix dictionaries whose oldest codes are from the 1930s… and whose newest are from 2014.
 */
export function petrarchDate(raw: string): string | undefined {
  const s = raw.trim();
  let y: string;
  let md: string;
  if (/^\d{6}$/.test(s)) {
    const yy = Number(s.slice(0, 2));
    y = `${yy >= 30 ? 19 : 20}${s.slice(0, 2)}`;
    md = s.slice(2);
  } else if (/^\d{8}$/.test(s)) {
    y = s.slice(0, 4);
    md = s.slice(4);
  } else if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s)) return s;
  else return undefined;
  const month = Number(md.slice(0, 2));
  const day = Number(md.slice(2, 4));
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${y}-${md.slice(0, 2)}-${md.slice(2, 4)}`;
}

const CODE_RE = /^[A-Z]{3}([A-Z]{3})*$/;

/** `VLADIMIR_PUTIN_` → `Vladimir Putin`. */
function phraseName(phrase: string): string {
  return phrase
    .replace(/_+$/, "")
    .split("_")
    .filter(Boolean)
    .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
    .join(" ");
}

/**
 * Reads a TABARI/PETRARCH actor dictionary: an entry line `NAME_ [CODE]` or `NAME_`, `+SYNONYM`
 * lines, then indented `[CODE]`, `[CODE YYMMDD-YYMMDD]`, `[CODE >YYMMDD]` or `[CODE <YYMMDD]` lines.
 * Each entry becomes a person (or actor) entity `petrarch:<name>` with its synonyms and dated codes.
 * A line that fits none of these is refused with its line number.
 */
export function parsePetrarchActors(text: string, file: string): KbRecords {
  const out = emptyRecords();
  let current: string | undefined;
  const lines = text.split(/\r?\n/);
  const addCode = (id: string, inner: string, line: number) => {
    const m = /^([A-Z]+)\s*(?:([<>])\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?$/.exec(inner.trim());
    if (!m || !CODE_RE.test(m[1] ?? "")) throw new KbFormatError(file, line, `bad code block "[${inner}]"`);
    const date = (s: string | undefined) => {
      if (!s) return "";
      const d = petrarchDate(s);
      if (!d) throw new KbFormatError(file, line, `bad date "${s}" (expected YYMMDD or YYYYMMDD)`);
      return d;
    };
    const from = m[2] === ">" ? date(m[3]) : date(m[4]);
    const to = m[2] === "<" ? date(m[3]) : date(m[5]);
    if (from && to && to < from) throw new KbFormatError(file, line, `end ${to} before start ${from}`);
    out.cameo.push({ entity: id, code: m[1] ?? "", from, to, source: file });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/#.*$/, "").trimEnd();
    if (line.trim() === "") continue;
    const n = i + 1;
    if (/^\s+\[/.test(line)) {
      if (!current) throw new KbFormatError(file, n, "code line before any actor entry");
      for (const block of line.trim().matchAll(/\[([^\]]*)\]/g)) addCode(current, block[1] ?? "", n);
      continue;
    }
    if (line.startsWith("+")) {
      if (!current) throw new KbFormatError(file, n, "synonym before any actor entry");
      const name = phraseName(line.slice(1).trim().split(/\s/)[0] ?? "");
      if (!nameKey(name)) throw new KbFormatError(file, n, "empty synonym");
      out.names.push({ id: current, lang: "*", kind: "alias", name });
      continue;
    }
    const m = /^([^\s[\]]+)\s*(?:\[([^\]]*)\])?\s*$/.exec(line);
    if (!m || /^\s/.test(line))
      throw new KbFormatError(file, n, `cannot read "${line.trim()}" as an actor entry`);
    const name = phraseName(m[1] ?? "");
    const key = nameKey(name);
    if (!key) throw new KbFormatError(file, n, "actor entry without a name");
    current = `petrarch:${key.replace(/ /g, "-")}`;
    out.entities.push(blankEntity(current, "person", name, "actor"));
    out.names.push({ id: current, lang: "*", kind: "name", name });
    if (m[2] !== undefined) addCode(current, m[2], n);
  }
  return out;
}
