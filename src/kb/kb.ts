import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";
import { AliasIndex } from "./alias-index.js";
import { activeOn } from "./dates.js";
import { nameKey } from "./normalize.js";
import { emptyRecords, parseKbText } from "./records.js";
import type { CameoFact, Entity, HoldsFact, KbRecords, NameRecord } from "./schema.js";

export interface OfficeOnDate {
  readonly office: Entity;
  readonly fact: HoldsFact;
}

export interface KbStats {
  entities: Record<string, number>;
  aliases: Record<string, number>;
  facts: { holds: number; cameo: number; people: number; offices: number };
  aliasKeys: number;
}

/**
 * The loaded knowledge base: entities by id, names, date-bounded facts and the alias index.
 * Built once per process (see `loadKb`) and shared read-only by every document.
 */
export class KnowledgeBase {
  readonly entities = new Map<string, Entity>();
  readonly index = new AliasIndex();
  private readonly names = new Map<string, NameRecord[]>();
  private readonly holdsByPerson = new Map<string, HoldsFact[]>();
  private readonly holdsByOffice = new Map<string, HoldsFact[]>();
  private readonly offices = new Map<string, string[]>();
  private readonly cameoByEntity = new Map<string, CameoFact[]>();
  private readonly byKindCountry = new Map<string, string>();
  /** First words of people's full names ("vladimir", "angela"): a run of capitalised words starting with one is a person. */
  readonly givenNames = new Set<string>();
  private holdsCount = 0;
  private cameoCount = 0;

  constructor(records: KbRecords) {
    for (const e of records.entities) {
      const known = this.entities.get(e.id);
      // A later record (an import) fills and overrides fields of an earlier one.
      this.entities.set(e.id, known ? mergeEntity(known, e) : e);
    }
    for (const e of this.entities.values()) {
      if (e.type === "office") push(this.offices, `${e.country}:${e.kind}`, e.id);
      if ((e.type === "group" || e.type === "region") && !e.country && e.cameo)
        this.byKindCountry.set(`cameo:${e.cameo}`, e.id);
      if ((e.type === "organisation" || e.type === "country") && e.country) {
        const key = `${e.type === "country" ? "country" : e.kind}:${e.country}`;
        if (!this.byKindCountry.has(key)) this.byKindCountry.set(key, e.id);
      }
    }
    for (const n of records.names) {
      if (!this.entities.has(n.id)) continue;
      push(this.names, n.id, n);
      this.index.add(n);
      if (n.kind === "name" && this.entities.get(n.id)?.type === "person") {
        const words = nameKey(n.name).split(" ");
        if (words.length > 1 && (words[0]?.length ?? 0) > 2) this.givenNames.add(words[0] as string);
      }
    }
    for (const h of records.holds) {
      if (!this.entities.has(h.person) || !this.entities.has(h.office)) continue;
      push(this.holdsByPerson, h.person, h);
      push(this.holdsByOffice, h.office, h);
      this.holdsCount++;
    }
    for (const c of records.cameo) {
      if (!this.entities.has(c.entity)) continue;
      push(this.cameoByEntity, c.entity, c);
      this.cameoCount++;
    }
  }

  entity(id: string): Entity | undefined {
    return this.entities.get(id);
  }

  namesOf(id: string): readonly NameRecord[] {
    return this.names.get(id) ?? [];
  }

  /** The entity's name in a language, else its canonical English name. */
  nameIn(id: string, lang: string): string {
    const names = this.namesOf(id);
    return names.find((n) => n.lang === lang && n.kind === "name")?.name ?? this.entities.get(id)?.name ?? id;
  }

  /** Every office the person held at some time, oldest first. */
  officesOf(person: string): readonly OfficeOnDate[] {
    return (this.holdsByPerson.get(person) ?? []).flatMap((fact) => {
      const office = this.entities.get(fact.office);
      return office ? [{ office, fact }] : [];
    });
  }

  /** Offices the person held on the date (any precision), most precise facts first. */
  officesOn(person: string, date: string): OfficeOnDate[] {
    return this.officesOf(person)
      .filter(({ fact }) => activeOn(fact.from, fact.to, date))
      .sort((a, b) => rank(a.fact) - rank(b.fact));
  }

  /** The offices of a type in a country (`head_of_government`, `CHN`). */
  officesOfType(type: string, country: string): readonly string[] {
    return this.offices.get(`${country}:${type}`) ?? [];
  }

  /** Who held offices of this type in the country on the date. */
  holdersOn(type: string, country: string, date: string): string[] {
    const people = new Set<string>();
    for (const office of this.officesOfType(type, country)) {
      for (const fact of this.holdsByOffice.get(office) ?? []) {
        if (activeOn(fact.from, fact.to, date)) people.add(fact.person);
      }
    }
    return [...people];
  }

  /**
   * An organisation of a kind for a country (`government`, `RUS`), the country itself (`country`), or
   * the group or region of a CAMEO code (`cameo`, `WST`).
   */
  byKind(kind: string, country: string): Entity | undefined {
    const id = this.byKindCountry.get(`${kind}:${country}`);
    return id ? this.entities.get(id) : undefined;
  }

  /** The CAMEO code on the date: from an office held, else a dated dictionary code, else the entity's own. */
  cameoOn(id: string, date: string | undefined): string {
    const entity = this.entities.get(id);
    if (!entity) return "";
    if (date) {
      const office = this.officesOn(id, date).find((o) => o.office.cameo);
      if (office) return office.office.cameo;
      const dated = (this.cameoByEntity.get(id) ?? []).filter((c) => activeOn(c.from, c.to, date));
      if (dated.length) return (dated.find((c) => c.from) ?? dated[0])?.code ?? "";
    }
    return entity.cameo;
  }

  /** Whether the entity had any dated CAMEO code or office on the date. */
  activeRoleOn(id: string, date: string): boolean {
    return (
      this.officesOn(id, date).length > 0 ||
      (this.cameoByEntity.get(id) ?? []).some((c) => !c.code.endsWith("ELI") && activeOn(c.from, c.to, date))
    );
  }

  stats(): KbStats {
    const entities: Record<string, number> = {};
    for (const e of this.entities.values()) entities[e.type] = (entities[e.type] ?? 0) + 1;
    const aliases: Record<string, number> = {};
    for (const list of this.names.values())
      for (const n of list) aliases[n.lang] = (aliases[n.lang] ?? 0) + 1;
    return {
      entities,
      aliases,
      facts: {
        holds: this.holdsCount,
        cameo: this.cameoCount,
        people: this.holdsByPerson.size,
        offices: this.holdsByOffice.size,
      },
      aliasKeys: this.index.keys,
    };
  }
}

function rank(fact: HoldsFact): number {
  return fact.precision === "day" ? 0 : fact.precision === "month" ? 1 : 2;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function mergeEntity(old: Entity, next: Entity): Entity {
  const pick = <T>(a: T, b: T) => (b === "" || b === 0 ? a : b);
  return {
    id: old.id,
    type: next.type,
    kind: pick(old.kind, next.kind),
    name: pick(old.name, next.name),
    country: pick(old.country, next.country),
    cameo: pick(old.cameo, next.cameo),
    wikidata: pick(old.wikidata, next.wikidata),
    geonames: pick(old.geonames, next.geonames),
    lat: pick(old.lat, next.lat),
    lon: pick(old.lon, next.lon),
    population: pick(old.population, next.population),
  };
}

/** The shipped KB (`data/kb/`), unless `RELATA_KB` names another folder. */
export function defaultKbDir(): string {
  return process.env.RELATA_KB ?? join(packageRoot(), "data", "kb");
}

/** Folder of user imports inside a KB folder; each import is one file, written atomically. */
export function importsDir(kbDir: string): string {
  return join(kbDir, "imports");
}

/** Every `*.kb.tsv` of the folder (sorted), then those of its `imports/` folder. */
export function kbFiles(dir: string): string[] {
  const list = (d: string) =>
    existsSync(d)
      ? readdirSync(d)
          .filter((f) => f.endsWith(".kb.tsv"))
          .sort()
          .map((f) => join(d, f))
      : [];
  return [...list(dir), ...list(importsDir(dir))];
}

export function loadKbRecords(dir: string = defaultKbDir()): KbRecords {
  const records = emptyRecords();
  for (const file of kbFiles(dir)) parseKbText(readFileSync(file, "utf8"), file, records);
  return records;
}

const loaded = new Map<string, KnowledgeBase>();

/** The KB of a folder, loaded once per process. */
export function loadKb(dir: string = defaultKbDir()): KnowledgeBase {
  let kb = loaded.get(dir);
  if (!kb) {
    kb = new KnowledgeBase(loadKbRecords(dir));
    loaded.set(dir, kb);
  }
  return kb;
}
