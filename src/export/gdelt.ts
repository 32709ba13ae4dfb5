import type { EventActor } from "../document/layers.js";
import type { EventSourceDocument } from "./plover.js";

export type GdeltType = "INTEGER" | "FLOAT" | "STRING";

/** GDELT 2.0 event table columns in file order (GDELT Event Codebook V2.0; docs/EXPORTS.md). */
export const GDELT_EVENT_COLUMNS: readonly (readonly [string, GdeltType])[] = [
  ["GLOBALEVENTID", "INTEGER"],
  ["SQLDATE", "INTEGER"],
  ["MonthYear", "INTEGER"],
  ["Year", "INTEGER"],
  ["FractionDate", "FLOAT"],
  ...actorColumns("Actor1"),
  ...actorColumns("Actor2"),
  ["IsRootEvent", "INTEGER"],
  ["EventCode", "STRING"],
  ["EventBaseCode", "STRING"],
  ["EventRootCode", "STRING"],
  ["QuadClass", "INTEGER"],
  ["GoldsteinScale", "FLOAT"],
  ["NumMentions", "INTEGER"],
  ["NumSources", "INTEGER"],
  ["NumArticles", "INTEGER"],
  ["AvgTone", "FLOAT"],
  ...geoColumns("Actor1Geo"),
  ...geoColumns("Actor2Geo"),
  ...geoColumns("ActionGeo"),
  ["DATEADDED", "INTEGER"],
  ["SOURCEURL", "STRING"],
];

/** GDELT 2.0 mentions table columns in file order. */
export const GDELT_MENTION_COLUMNS: readonly (readonly [string, GdeltType])[] = [
  ["GLOBALEVENTID", "INTEGER"],
  ["EventTimeDate", "INTEGER"],
  ["MentionTimeDate", "INTEGER"],
  ["MentionType", "INTEGER"],
  ["MentionSourceName", "STRING"],
  ["MentionIdentifier", "STRING"],
  ["SentenceID", "INTEGER"],
  ["Actor1CharOffset", "INTEGER"],
  ["Actor2CharOffset", "INTEGER"],
  ["ActionCharOffset", "INTEGER"],
  ["InRawText", "INTEGER"],
  ["Confidence", "INTEGER"],
  ["MentionDocLen", "INTEGER"],
  ["MentionDocTone", "FLOAT"],
  ["MentionDocTranslationInfo", "STRING"],
  ["Extras", "STRING"],
];

function actorColumns(p: string): [string, GdeltType][] {
  return [
    [`${p}Code`, "STRING"],
    [`${p}Name`, "STRING"],
    [`${p}CountryCode`, "STRING"],
    [`${p}KnownGroupCode`, "STRING"],
    [`${p}EthnicCode`, "STRING"],
    [`${p}Religion1Code`, "STRING"],
    [`${p}Religion2Code`, "STRING"],
    [`${p}Type1Code`, "STRING"],
    [`${p}Type2Code`, "STRING"],
    [`${p}Type3Code`, "STRING"],
  ];
}

function geoColumns(p: string): [string, GdeltType][] {
  return [
    [`${p}_Type`, "INTEGER"],
    [`${p}_FullName`, "STRING"],
    [`${p}_CountryCode`, "STRING"],
    [`${p}_ADM1Code`, "STRING"],
    [`${p}_ADM2Code`, "STRING"],
    [`${p}_Lat`, "FLOAT"],
    [`${p}_Long`, "FLOAT"],
    [`${p}_FeatureID`, "STRING"],
  ];
}

/** CAMEO actor-code prefixes that name no country (GDELT leaves CountryCode blank for them). */
const NON_COUNTRY = new Set(["IGO", "NGO", "NGM", "MNC", "IMG", "UAF", "UIS", "REB", "---"]);

function actorCells(a: EventActor | null): string[] {
  if (!a) return new Array(10).fill("");
  const code = a.cameo;
  const country = NON_COUNTRY.has(code.slice(0, 3)) ? "" : code.slice(0, 3);
  const roles = code.slice(3);
  return [
    code,
    a.name.toUpperCase(),
    country,
    NON_COUNTRY.has(code.slice(0, 3)) ? code.slice(0, 3) : "",
    "",
    "",
    "",
    roles.slice(0, 3),
    roles.slice(3, 6),
    roles.slice(6, 9),
  ];
}

/** `2024-08-21` → 20240821; a month or year alone gets 00 for what it lacks, as GDELT does. */
function sqlDate(iso: string | null | undefined): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso ?? "");
  return m ? `${m[1]}${m[2] ?? "00"}${m[3] ?? "00"}` : "";
}

const cell = (s: string) => s.replace(/[\t\r\n]+/g, " ");

export interface GdeltRows {
  readonly events: string[][];
  readonly mentions: string[][];
}

/**
 * A document's events as GDELT 2.0 event and mention rows (one mention per event: relata codes each
 * article on its own). Event ids count up from `firstId`. Fields relata does not know (ethnic and
 * religion codes, latitude and longitude, ADM codes) are blank, as GDELT leaves unknown fields.
 */
export function gdeltRows(doc: EventSourceDocument, firstId: number): GdeltRows {
  const tone = doc.layers.tone?.find((t) => t.scope === "document")?.tone;
  const added = sqlDate(doc.date?.value);
  const addedStamp = added ? `${added}000000` : "";
  // GDELT's root events are those of the lead: here the headline and the first body paragraph.
  const paragraphs = doc.layers.paragraphs ?? [];
  const firstBody = paragraphs.findIndex((p) => !p.headline);
  const lead = new Set([...paragraphs.flatMap((p, i) => (p.headline ? [i] : [])), firstBody]);
  const events: string[][] = [];
  const mentions: string[][] = [];
  (doc.layers.events ?? []).forEach((e, i) => {
    const id = String(firstId + i);
    const date = sqlDate(e.date) || sqlDate(doc.date?.value);
    const month = Number(date.slice(4, 6));
    const day = Number(date.slice(6, 8));
    const fraction = date ? (Number(date.slice(0, 4)) + (month * 30 + day) / 365).toFixed(4) : "";
    const place = e.place;
    const geo = place
      ? [place.country ? "4" : "", place.name, place.country, "", "", "", "", place.kbId]
      : new Array(8).fill("");
    events.push(
      [
        id,
        date,
        date.slice(0, 6),
        date.slice(0, 4),
        fraction,
        ...actorCells(e.source),
        ...actorCells(e.target),
        lead.has(doc.layers.sentences?.[e.sentence]?.paragraph ?? -1) ? "1" : "0",
        e.code,
        e.code.slice(0, 3),
        e.root,
        String(e.quad),
        String(e.goldstein),
        "1",
        "1",
        "1",
        tone === undefined ? "" : tone.toFixed(4),
        ...new Array(16).fill(""),
        ...geo,
        addedStamp,
        doc.url ?? "",
      ].map(cell),
    );
    mentions.push(
      [
        id,
        addedStamp,
        addedStamp,
        doc.url ? "1" : "2",
        doc.source ?? "",
        doc.url ?? doc.id,
        String(e.sentence + 1),
        String(e.source?.start ?? -1),
        String(e.target?.start ?? -1),
        String(e.start),
        "1",
        String(Math.round(e.confidence * 100)),
        String(doc.text.length),
        tone === undefined ? "" : tone.toFixed(4),
        "",
        "",
      ].map(cell),
    );
  });
  return { events, mentions };
}

/** The problems that keep a row from matching the GDELT columns, empty when it matches. */
export function gdeltRowProblems(
  row: readonly string[],
  columns: readonly (readonly [string, GdeltType])[],
): string[] {
  if (row.length !== columns.length) return [`${row.length} columns, expected ${columns.length}`];
  const problems: string[] = [];
  columns.forEach(([name, type], i) => {
    const v = row[i] ?? "";
    if (v === "") return;
    if (type === "INTEGER" && !/^-?\d+$/.test(v)) problems.push(`${name} is not an integer: "${v}"`);
    if (type === "FLOAT" && !Number.isFinite(Number(v))) problems.push(`${name} is not a number: "${v}"`);
  });
  return problems;
}
