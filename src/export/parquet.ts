import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parquetWriteFile } from "hyparquet-writer";
import { relataRecords } from "./jsonl.js";
import type { EventSourceDocument } from "./plover.js";

type ParquetType = "STRING" | "INT32" | "DOUBLE";

/** One Parquet table: its columns (name, type) and a row reader for each (docs/EXPORTS.md). */
interface TableSpec<R> {
  readonly columns: readonly (readonly [string, ParquetType, (r: R) => string | number | null])[];
}

type EventRow = ReturnType<typeof relataRecords>[number] & { readonly id: string };

export const EVENT_TABLE: TableSpec<EventRow> = {
  columns: [
    ["id", "STRING", (r) => r.id],
    ["document", "STRING", (r) => r.document],
    ["url", "STRING", (r) => r.url],
    ["outlet", "STRING", (r) => r.outlet],
    ["published", "STRING", (r) => r.published],
    ["sentence", "INT32", (r) => r.sentence],
    ["start", "INT32", (r) => r.start],
    ["end", "INT32", (r) => r.end],
    ["text", "STRING", (r) => r.text],
    ["sentence_text", "STRING", (r) => r.sentenceText],
    ["code", "STRING", (r) => r.code],
    ["root", "STRING", (r) => r.root],
    ["quad", "INT32", (r) => r.quad],
    ["goldstein", "DOUBLE", (r) => r.goldstein],
    ["plover", "STRING", (r) => r.plover],
    ["mode", "STRING", (r) => r.mode],
    ["source_kb_id", "STRING", (r) => r.source?.kbId ?? null],
    ["source_name", "STRING", (r) => r.source?.name ?? null],
    ["source_cameo", "STRING", (r) => r.source?.cameo ?? null],
    ["target_kb_id", "STRING", (r) => r.target?.kbId ?? null],
    ["target_name", "STRING", (r) => r.target?.name ?? null],
    ["target_cameo", "STRING", (r) => r.target?.cameo ?? null],
    ["date", "STRING", (r) => r.date],
    ["place_kb_id", "STRING", (r) => r.place?.kbId ?? null],
    ["place_name", "STRING", (r) => r.place?.name ?? null],
    ["place_country", "STRING", (r) => r.place?.country ?? null],
    ["confidence", "DOUBLE", (r) => r.confidence],
  ],
};

export interface MentionRow {
  readonly document: string;
  readonly published: string | null;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: string;
  readonly kbId: string;
  readonly name: string;
  readonly country: string;
  readonly cameo: string;
  readonly confidence: number;
}

export const MENTION_TABLE: TableSpec<MentionRow> = {
  columns: [
    ["document", "STRING", (r) => r.document],
    ["published", "STRING", (r) => r.published],
    ["start", "INT32", (r) => r.start],
    ["end", "INT32", (r) => r.end],
    ["text", "STRING", (r) => r.text],
    ["type", "STRING", (r) => r.type],
    ["kb_id", "STRING", (r) => r.kbId],
    ["name", "STRING", (r) => r.name],
    ["country", "STRING", (r) => r.country],
    ["cameo", "STRING", (r) => r.cameo],
    ["confidence", "DOUBLE", (r) => r.confidence],
  ],
};

export interface EntityRow {
  readonly kbId: string;
  readonly name: string;
  readonly type: string;
  readonly country: string;
  readonly cameo: string;
  readonly documents: number;
  readonly mentions: number;
}

export const ENTITY_TABLE: TableSpec<EntityRow> = {
  columns: [
    ["kb_id", "STRING", (r) => r.kbId],
    ["name", "STRING", (r) => r.name],
    ["type", "STRING", (r) => r.type],
    ["country", "STRING", (r) => r.country],
    ["cameo", "STRING", (r) => r.cameo],
    ["documents", "INT32", (r) => r.documents],
    ["mentions", "INT32", (r) => r.mentions],
  ],
};

/** The partition a document falls in: `month=YYYY-MM` of its publication date, `month=unknown` without one. */
export function monthPartition(doc: EventSourceDocument): string {
  const m = /^(\d{4}-\d{2})/.exec(doc.date?.value ?? "");
  return `month=${m ? m[1] : "unknown"}`;
}

/** Rows of the three tables, grouped by month partition. */
export class ParquetExport {
  private readonly months = new Map<
    string,
    { events: EventRow[]; mentions: MentionRow[]; entities: Map<string, EntityRow & { docs: Set<string> }> }
  >();

  add(doc: EventSourceDocument): void {
    const key = monthPartition(doc);
    let month = this.months.get(key);
    if (!month) {
      month = { events: [], mentions: [], entities: new Map() };
      this.months.set(key, month);
    }
    month.events.push(...relataRecords(doc).map((r, i) => ({ ...r, id: `${doc.id}-${i}` })));
    for (const e of doc.layers.entities ?? []) {
      month.mentions.push({
        document: doc.id,
        published: doc.date?.value ?? null,
        start: e.start,
        end: e.end,
        text: doc.text.slice(e.start, e.end),
        type: e.type,
        kbId: e.kbId,
        name: e.name,
        country: e.country,
        cameo: e.cameo,
        confidence: e.confidence,
      });
      if (!e.kbId) continue;
      const known = month.entities.get(e.kbId) ?? {
        kbId: e.kbId,
        name: e.name,
        type: e.type,
        country: e.country,
        cameo: e.cameo,
        documents: 0,
        mentions: 0,
        docs: new Set<string>(),
      };
      known.docs.add(doc.id);
      month.entities.set(e.kbId, { ...known, documents: known.docs.size, mentions: known.mentions + 1 });
    }
  }

  /** Writes `<dir>/{events,mentions,entities}/month=YYYY-MM/part-0.parquet`; returns the files written. */
  write(dir: string): string[] {
    const written: string[] = [];
    for (const [month, rows] of this.months) {
      const tables: [string, TableSpec<never>, readonly unknown[]][] = [
        ["events", EVENT_TABLE as TableSpec<never>, rows.events],
        ["mentions", MENTION_TABLE as TableSpec<never>, rows.mentions],
        ["entities", ENTITY_TABLE as TableSpec<never>, [...rows.entities.values()]],
      ];
      for (const [name, spec, data] of tables) {
        const folder = join(dir, name, month);
        mkdirSync(folder, { recursive: true });
        const filename = join(folder, "part-0.parquet");
        parquetWriteFile({
          filename,
          columnData: spec.columns.map(([column, type, get]) => ({
            name: column,
            type,
            data: data.map((r) => get(r as never)),
          })),
        });
        written.push(filename);
      }
    }
    return written;
  }
}
