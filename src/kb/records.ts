import {
  type CameoFact,
  type DatePrecision,
  ENTITY_TYPES,
  type Entity,
  type EntityType,
  type HoldsFact,
  type KbRecords,
  NAME_KINDS,
  type NameKind,
  type NameRecord,
  PRECISIONS,
} from "./schema.js";

const ENTITY_TYPES_SET = new Set<string>(ENTITY_TYPES);
const NAME_KINDS_SET = new Set<string>(NAME_KINDS);
const DATE_PRECISIONS_SET = new Set<string>(PRECISIONS);

/**
 * The KB file format (`*.kb.tsv`): one record a line, its kind in the first cell, `#` comments.
 * The built KB and every import use it, so one parser reads both and reports file:line.
 *
 *   entity  id type kind name country cameo wikidata geonames lat lon population
 *   name    id lang kind name|name|…
 *   holds   person office from to precision source
 *   cameo   entity code from to source
 */
export class KbFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

export function emptyRecords(): KbRecords {
  return { entities: [], names: [], holds: [], cameo: [] };
}

const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const ID_RE = /^[A-Za-z0-9][\w.:-]*$/;

export function parseKbText(text: string, file: string, into: KbRecords = emptyRecords()): KbRecords {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    if (raw.trim() === "" || raw.startsWith("#")) continue;
    const cells = raw.split("\t");
    const fail = (reason: string): never => {
      throw new KbFormatError(file, i + 1, reason);
    };
    const id = (cell: string | undefined, what: string): string => {
      if (!cell || !ID_RE.test(cell)) fail(`bad ${what} id "${cell ?? ""}"`);
      return cell as string;
    };
    const date = (cell: string | undefined, what: string, required: boolean): string => {
      const value = cell ?? "";
      if (value === "" && !required) return "";
      if (!DATE_RE.test(value)) fail(`bad ${what} date "${value}" (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
      return value;
    };
    const num = (cell: string | undefined, what: string): number => {
      if (!cell) return 0;
      const n = Number(cell);
      if (!Number.isFinite(n)) fail(`bad ${what} "${cell}"`);
      return n;
    };
    const expect = (n: number) => {
      if (cells.length !== n) fail(`${cells[0]} record needs ${n} cells, found ${cells.length}`);
    };
    switch (cells[0]) {
      case "entity": {
        expect(12);
        const type = cells[2] as EntityType;
        if (!ENTITY_TYPES_SET.has(type)) fail(`unknown entity type "${cells[2]}"`);
        const name = cells[4] ?? "";
        if (!name) fail("entity without a name");
        const country = cells[5] ?? "";
        if (country && !/^[A-Z]{3}$/.test(country))
          fail(`bad country "${country}" (expected ISO 3166 alpha-3)`);
        const lat = num(cells[9], "latitude");
        const lon = num(cells[10], "longitude");
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180) fail("coordinates out of range");
        const entity: Entity = {
          id: id(cells[1], "entity"),
          type,
          kind: cells[3] ?? "",
          name,
          country,
          cameo: cells[6] ?? "",
          wikidata: cells[7] ?? "",
          geonames: num(cells[8], "GeoNames id"),
          lat,
          lon,
          population: num(cells[11], "population"),
        };
        into.entities.push(entity);
        break;
      }
      case "name": {
        expect(5);
        const entity = id(cells[1], "entity");
        const lang = cells[2] ?? "";
        if (lang !== "*" && !/^[a-z]{2,3}$/.test(lang)) fail(`bad language "${lang}"`);
        const kind = cells[3] as NameKind;
        if (!NAME_KINDS_SET.has(kind)) fail(`unknown name kind "${cells[3]}"`);
        const names = (cells[4] ?? "").split("|").filter((n) => n.trim() !== "");
        if (names.length === 0) fail("name record without a name");
        for (const name of names)
          into.names.push({ id: entity, lang, kind, name: name.trim() } satisfies NameRecord);
        break;
      }
      case "holds": {
        expect(7);
        const precision = cells[5] as DatePrecision;
        if (!DATE_PRECISIONS_SET.has(precision)) fail(`unknown precision "${cells[5]}"`);
        const fact: HoldsFact = {
          person: id(cells[1], "person"),
          office: id(cells[2], "office"),
          from: date(cells[3], "start", true),
          to: date(cells[4], "end", false),
          precision,
          source: cells[6] ?? "",
        };
        if (fact.to && fact.to < fact.from) fail(`end ${fact.to} before start ${fact.from}`);
        into.holds.push(fact);
        break;
      }
      case "cameo": {
        expect(6);
        const code = cells[2] ?? "";
        if (!/^[A-Z]{3}([A-Z]{3})*$/.test(code)) fail(`bad CAMEO code "${code}"`);
        const fact: CameoFact = {
          entity: id(cells[1], "entity"),
          code,
          from: date(cells[3], "start", false),
          to: date(cells[4], "end", false),
          source: cells[5] ?? "",
        };
        into.cameo.push(fact);
        break;
      }
      default:
        fail(`unknown record kind "${cells[0]}" (expected entity, name, holds or cameo)`);
    }
  }
  return into;
}

const cell = (v: string | number) => (v === 0 ? "" : String(v));

/** Writes records in the same format, sorted so that a rebuild gives the same bytes. */
export function formatKbRecords(records: KbRecords, header: string): string {
  const out: string[] = header
    .split("\n")
    .filter(Boolean)
    .map((l) => `# ${l}`);
  const entities = [...records.entities].sort((a, b) => cmp(a.id, b.id));
  for (const e of entities) {
    out.push(
      [
        "entity",
        e.id,
        e.type,
        e.kind,
        e.name,
        e.country,
        e.cameo,
        e.wikidata,
        cell(e.geonames),
        cell(e.lat),
        cell(e.lon),
        cell(e.population),
      ].join("\t"),
    );
  }
  const grouped = new Map<string, string[]>();
  for (const n of records.names) {
    const key = `${n.id}\t${n.lang}\t${n.kind}`;
    const list = grouped.get(key) ?? [];
    if (!list.includes(n.name)) list.push(n.name);
    grouped.set(key, list);
  }
  for (const key of [...grouped.keys()].sort(cmp))
    out.push(`name\t${key}\t${(grouped.get(key) ?? []).join("|")}`);
  const holds = [...records.holds].sort(
    (a, b) => cmp(a.person, b.person) || cmp(a.from, b.from) || cmp(a.office, b.office),
  );
  for (const h of holds)
    out.push(["holds", h.person, h.office, h.from, h.to, h.precision, h.source].join("\t"));
  const cameo = [...records.cameo].sort(
    (a, b) => cmp(a.entity, b.entity) || cmp(a.from, b.from) || cmp(a.code, b.code),
  );
  for (const c of cameo) out.push(["cameo", c.entity, c.code, c.from, c.to, c.source].join("\t"));
  return `${out.join("\n")}\n`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
