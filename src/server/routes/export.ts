import { Readable } from "node:stream";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { Type } from "typebox";
import { gdeltRows } from "../../export/gdelt.js";
import { relataRecords } from "../../export/jsonl.js";
import type { EventSourceDocument } from "../../export/plover.js";
import { ploverRecords } from "../../export/plover.js";
import type { Store } from "../../store/store.js";
import type { App } from "../app.js";
import { type Corpus, needCorpus } from "../corpus.js";
import { ErrorBody } from "../schemas.js";

const json = (records: readonly object[]) => records.map((r) => `${JSON.stringify(r)}\n`).join("");
const tsv = (rows: readonly (readonly string[])[]) => rows.map((r) => `${r.join("\t")}\n`).join("");

/**
 * Each format as the lines of one document, given the first GDELT event id still free; GDELT event
 * ids count up over the export, in the same order for events and mentions, so the two tables join.
 */
const FORMATS: Record<
  string,
  (doc: EventSourceDocument, nextId: number) => { text: string; events: number }
> = {
  jsonl: (doc) => ({ text: json(relataRecords(doc)), events: 0 }),
  plover: (doc) => ({ text: json(ploverRecords(doc)), events: 0 }),
  gdelt: (doc, nextId) => {
    const rows = gdeltRows(doc, nextId);
    return { text: tsv(rows.events), events: rows.events.length };
  },
  "gdelt-mentions": (doc, nextId) => {
    const rows = gdeltRows(doc, nextId);
    return { text: tsv(rows.mentions), events: rows.events.length };
  },
};

const Format = Type.Union(
  [Type.Literal("jsonl"), Type.Literal("plover"), Type.Literal("gdelt"), Type.Literal("gdelt-mentions")],
  {
    description:
      "jsonl: relata's event records; plover: PLOVER records; gdelt, gdelt-mentions: GDELT 2.0 event and mention rows (docs/EXPORTS.md)",
  },
);

export function exportRoutes(store: Store, corpus: Corpus | undefined): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin as unknown as App;
    app.get(
      "/export",
      {
        schema: {
          summary: "The stored events, streamed: JSON lines (relata, PLOVER) or GDELT 2.0 tab-separated rows",
          querystring: Type.Object({ format: Format }),
          response: {
            200: {
              description: "One event (or mention) per line",
              content: {
                "application/x-ndjson": { schema: Type.Object({}, { additionalProperties: true }) },
                "text/tab-separated-values": { schema: Type.String() },
              },
            },
            400: ErrorBody,
            503: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const c = needCorpus(corpus, reply);
        if (!c) return reply;
        const { format } = request.query;
        const linesOf = FORMATS[format] as (typeof FORMATS)[string];
        const ids = (
          c.db.prepare("SELECT id FROM latest_documents ORDER BY ingested_at, id").all() as { id: string }[]
        ).map((r) => r.id);
        // One document at a time, so that a large corpus is never held in memory.
        function* lines() {
          let nextId = 1;
          for (const id of ids) {
            const doc = store.get(id);
            if (!doc) continue;
            const { text, events } = linesOf(doc, nextId);
            nextId += events;
            if (text) yield text;
          }
        }
        const type = format.startsWith("gdelt") ? "text/tab-separated-values" : "application/x-ndjson";
        // Untyped: the body is a stream of lines, not a schema'd object.
        const raw: FastifyReply = reply;
        return raw.type(`${type}; charset=utf-8`).send(Readable.from(lines()));
      },
    );
  };
}
