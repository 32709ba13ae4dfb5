import type { FastifyPluginAsync, preHandlerAsyncHookHandler } from "fastify";
import { Type } from "typebox";
import type { Analyzer } from "../../analysis.js";
import { toOutput } from "../../document/output.js";
import { searchVariants } from "../../kb/search-variants.js";
import { restoreDocument } from "../../store/restore.js";
import { listDocuments, NO_FACETS } from "../../store/sqlite/document-facets.js";
import { ftsQuery } from "../../store/sqlite/fts-query.js";
import type { Store, StoredDocument } from "../../store/store.js";
import { checkDocument } from "../../verify/check.js";
import type { App } from "../app.js";
import { type Corpus, needCorpus } from "../corpus.js";
import {
  Analysis,
  AnyObject,
  DateBound,
  DocumentInput,
  dayBounds,
  ErrorBody,
  errorResponses,
  inputDate,
  SearchHit,
} from "../schemas.js";

/** A stored document in the analysis contract, with its version history. */
function storedOutput(stored: StoredDocument) {
  return {
    ...toOutput(restoreDocument(stored)),
    langSource: "stored",
    version: stored.version,
    previousId: stored.previousId ?? null,
    contentHash: stored.contentHash,
    ingestedAt: stored.ingestedAt,
  };
}

export function documentRoutes(
  store: Store,
  analyzer: Analyzer,
  guard: preHandlerAsyncHookHandler,
  corpus?: Corpus,
): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin as unknown as App;
    app.get(
      "/documents",
      {
        schema: {
          summary:
            "Stored documents (newest version of each URL) by full text (accents and case folded, KB name variants), language, outlet, date, entity, story and event type, with facet counts",
          querystring: Type.Object({
            q: Type.Optional(Type.String({ minLength: 1 })),
            lang: Type.Optional(Type.String({ pattern: "^[a-z]{2,3}$" })),
            outlet: Type.Optional(Type.String({ minLength: 1 })),
            from: Type.Optional(DateBound),
            to: Type.Optional(DateBound),
            entity: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "KB id" })),
            story: Type.Optional(Type.Integer({ minimum: 1 })),
            event: Type.Optional(
              Type.String({ pattern: "^[A-Z_]{2,32}$", description: "PLOVER type of a reported event" }),
            ),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
            exact: Type.Boolean({
              default: false,
              description: "search the words as typed, without KB name variants",
            }),
            facets: Type.Boolean({
              default: false,
              description: "add counts by language, outlet, month, entity, event type",
            }),
          }),
          response: {
            200: Type.Object({ hits: Type.Array(SearchHit), facets: Type.Optional(AnyObject) }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const { q, lang, outlet, entity, story, event, limit, exact, facets } = request.query;
        const variants = q && !exact ? searchVariants(analyzer.kb, q) : {};
        const { from, to } = dayBounds(request.query.from, request.query.to);
        if (!corpus) {
          // An in-memory store offers its own full-text search only.
          if (!q || outlet || entity || story || event || facets) {
            needCorpus(corpus, reply);
            return reply;
          }
          return { hits: store.search({ text: q, variants, lang, from, to, limit }) };
        }
        const match = q === undefined ? undefined : ftsQuery(q, variants);
        // Nothing searchable typed ("?!"): nothing matches.
        if (q !== undefined && match === undefined)
          return facets ? { hits: [], facets: NO_FACETS } : { hits: [] };
        const filter = { match, lang, outlet, from, to, entity, story, event };
        const hits = listDocuments(corpus.db, filter, limit).map((d) => ({
          id: d.id,
          url: d.url ?? undefined,
          source: d.source ?? undefined,
          lang: d.lang,
          date: d.date ?? undefined,
          title: d.title ?? undefined,
          snippet: d.snippet,
        }));
        return facets ? { hits, facets: corpus.facets.get(filter) } : { hits };
      },
    );

    app.get(
      "/documents/:id",
      {
        schema: {
          summary: "One stored document with its analysis, its versions and the story it belongs to",
          params: Type.Object({ id: Type.String({ pattern: "^[0-9a-f]{16}$" }) }),
          response: { 200: Analysis, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const stored = store.get(request.params.id);
        if (!stored)
          return reply.code(404).send({ error: "not found", message: `no document ${request.params.id}` });
        // No update() here: this is the hot route, and ingest places documents as it stores them.
        return { ...storedOutput(stored), story: corpus?.stories.storyOf(stored.id) ?? null };
      },
    );

    app.get(
      "/documents/:id/findings",
      {
        schema: {
          summary:
            "The findings of a stored document's check: the stored report, recomputed when new evidence has arrived",
          params: Type.Object({ id: Type.String({ pattern: "^[0-9a-f]{16}$" }) }),
          response: { 200: Type.Object({}, { additionalProperties: true }), 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const stored = store.get(request.params.id);
        if (!stored)
          return reply.code(404).send({ error: "not found", message: `no document ${request.params.id}` });
        const kept = corpus?.checks.get(stored.id);
        if (kept && !kept.stale) return kept.report;
        const report = checkDocument(restoreDocument(stored), analyzer.kb, store, corpus?.stories);
        corpus?.checks.save(report);
        return report;
      },
    );

    app.get(
      "/stats",
      {
        schema: {
          summary: "What the corpus holds",
          response: { 200: Type.Object({}, { additionalProperties: true }) },
        },
      },
      async () => store.stats(),
    );

    app.post(
      "/ingest",
      {
        preHandler: guard,
        schema: {
          summary: "Analyse and store documents (needs the token)",
          security: [{ bearer: [] }],
          body: Type.Object({ documents: Type.Array(DocumentInput, { minItems: 1, maxItems: 1000 }) }),
          response: {
            200: Type.Object({
              results: Type.Array(Type.Object({ id: Type.String(), outcome: Type.String() })),
            }),
            400: ErrorBody,
            401: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const docs = [];
        for (const [i, input] of request.body.documents.entries()) {
          const { date, error } = inputDate(input.date, `documents/${i}/date`);
          if (error) return reply.code(400).send({ error: "invalid request", message: error });
          docs.push(analyzer.analyze({ ...input, date }));
        }
        const outcomes = store.putMany(docs);
        corpus?.stories.update();
        return { results: docs.map((d, i) => ({ id: d.id, outcome: outcomes[i] ?? "unchanged" })) };
      },
    );
  };
}
