import type { FastifyPluginAsync, preHandlerAsyncHookHandler } from "fastify";
import { Type } from "typebox";
import type { Analyzer } from "../../analysis.js";
import { toOutput } from "../../document/output.js";
import { searchVariants } from "../../kb/search-variants.js";
import { restoreDocument } from "../../store/restore.js";
import type { Store, StoredDocument } from "../../store/store.js";
import { checkDocument } from "../../verify/check.js";
import type { App } from "../app.js";
import { Analysis, DocumentInput, ErrorBody, inputDate, SearchHit } from "../schemas.js";

const DateBound = Type.String({ pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" });

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
): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin as unknown as App;
    app.get(
      "/documents",
      {
        schema: {
          summary: "Full-text search of the stored documents, accents and case folded",
          querystring: Type.Object({
            q: Type.String({ minLength: 1 }),
            lang: Type.Optional(Type.String({ pattern: "^[a-z]{2,3}$" })),
            from: Type.Optional(DateBound),
            to: Type.Optional(DateBound),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
            exact: Type.Boolean({
              default: false,
              description: "search the words as typed, without KB name variants",
            }),
          }),
          response: { 200: Type.Object({ hits: Type.Array(SearchHit) }), 400: ErrorBody },
        },
      },
      async (request) => {
        const { q, lang, from, to, limit, exact } = request.query;
        const variants = exact ? {} : searchVariants(analyzer.kb, q);
        return { hits: store.search({ text: q, variants, lang, from, to, limit }) };
      },
    );

    app.get(
      "/documents/:id",
      {
        schema: {
          summary: "One stored document with its analysis",
          params: Type.Object({ id: Type.String({ pattern: "^[0-9a-f]{16}$" }) }),
          response: { 200: Analysis, 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const stored = store.get(request.params.id);
        if (!stored)
          return reply.code(404).send({ error: "not found", message: `no document ${request.params.id}` });
        return storedOutput(stored);
      },
    );

    app.get(
      "/documents/:id/findings",
      {
        schema: {
          summary: "The findings of a stored document's check",
          params: Type.Object({ id: Type.String({ pattern: "^[0-9a-f]{16}$" }) }),
          response: { 200: Type.Object({}, { additionalProperties: true }), 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const stored = store.get(request.params.id);
        if (!stored)
          return reply.code(404).send({ error: "not found", message: `no document ${request.params.id}` });
        return checkDocument(restoreDocument(stored), analyzer.kb, store);
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
        return { results: docs.map((d, i) => ({ id: d.id, outcome: outcomes[i] ?? "unchanged" })) };
      },
    );
  };
}
