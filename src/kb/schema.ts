/**
 * The knowledge base as data: entities with names per language, and date-bounded facts.
 * The built files in `data/kb/` and every import hold exactly these records (see docs/KB.md).
 */
export type EntityType = "person" | "country" | "place" | "region" | "organisation" | "group" | "office";

/** How precisely a fact's dates are known: a year-only "2020" means some day in 2020. */
export type DatePrecision = "day" | "month" | "year";

export interface Entity {
  /** Wikidata QID where known, else a relata id such as `gn:524901` or `r:CHN.state_media`. */
  readonly id: string;
  readonly type: EntityType;
  /**
   * A finer kind: for places `city`, `capital`, `admin1`; for organisations `igo`, `government`,
   * `ministry`, `media`, `military`, `party`, `company`; for offices the office type.
   */
  readonly kind: string;
  /** Canonical English name. */
  readonly name: string;
  /** ISO 3166-1 alpha-3 code of the country the entity belongs to (a country's own code). */
  readonly country: string;
  /** CAMEO actor code when the entity always has one (`RUS`, `IGOWSTNAT`, `WST`, `CHNGOV`). */
  readonly cameo: string;
  readonly wikidata: string;
  readonly geonames: number;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
}

/** An entity with only its identity filled in; builders and importers set the rest. */
export function blankEntity(id: string, type: EntityType, name: string, kind = ""): Entity {
  return {
    id,
    type,
    kind,
    name,
    country: "",
    cameo: "",
    wikidata: "",
    geonames: 0,
    lat: 0,
    lon: 0,
    population: 0,
  };
}

/** What a name record says about how the name may be matched. */
export type NameKind =
  /** A full name or official name. */
  | "name"
  /** A common variant, short form or spelling. */
  | "alias"
  /** Letters only, matched in upper case ("UN", "NATO"). */
  | "acronym"
  /** A person's family name alone: matched only with context (a title, an earlier full mention, an office on the date). */
  | "surname";

export interface NameRecord {
  readonly id: string;
  /** ISO 639-1 code, or `*` for a name used in every language. */
  readonly lang: string;
  readonly name: string;
  readonly kind: NameKind;
}

/** `holds(person, office, from, to)`: the person held the office over [from, to) — `to` empty while in office. */
export interface HoldsFact {
  readonly person: string;
  readonly office: string;
  readonly from: string;
  readonly to: string;
  readonly precision: DatePrecision;
  readonly source: string;
}

/** A dated CAMEO code for an entity, as actor dictionaries give them (`RUSGOV 1999-12-31 – 2008-05-07`). */
export interface CameoFact {
  readonly entity: string;
  readonly code: string;
  readonly from: string;
  readonly to: string;
  readonly source: string;
}

/** Every record of a KB, in the order the loader reads them. */
export interface KbRecords {
  entities: Entity[];
  names: NameRecord[];
  holds: HoldsFact[];
  cameo: CameoFact[];
}

export const ENTITY_TYPES: readonly EntityType[] = [
  "person",
  "country",
  "place",
  "region",
  "organisation",
  "group",
  "office",
];
export const NAME_KINDS: readonly NameKind[] = ["name", "alias", "acronym", "surname"];
export const PRECISIONS: readonly DatePrecision[] = ["day", "month", "year"];
