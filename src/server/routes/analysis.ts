import type { FastifyPluginAsync, FastifyReply, preHandlerAsyncHookHandler } from "fastify";
import { Type } from "typebox";
import type { Analyzer } from "../../analysis.js";
import type { Document } from "../../document/document.js";
import { toOutput } from "../../document/output.js";
import type { Store } from "../../store/store.js";
import { checkDocument } from "../../verify/check.js";
import type { App } from "../app.js";
import type { Corpus } from "../corpus.js";
import { Analysis, DocumentInput, ErrorBody, inputDate } from "../schemas.js";

type Input = { text: string; title?: string; url?: string; lang?: string; date?: string };

/** Analyses a posted document, or answers 400 for a date that does not exist. */
function analyse(analyzer: Analyzer, input: Input, reply: FastifyReply): Document | undefined {
  const { date, error } = inputDate(input.date);
  if (error) {
    void reply.code(400).send({ error: "invalid request", message: error });
    return undefined;
  }
  return analyzer.analyze({ ...input, date });
}

export function analysisRoutes(
  store: Store,
  analyzer: Analyzer,
  guard: preHandlerAsyncHookHandler,
  corpus?: Corpus,
): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin as unknown as App;
    app.post(
      "/analyze",
      {
        schema: {
          summary: "Analyse a document without storing it",
          body: DocumentInput,
          response: { 200: Analysis, 400: ErrorBody },
        },
      },
      async (request, reply) => {
        const doc = analyse(analyzer, request.body, reply);
        return doc ? toOutput(doc) : reply;
      },
    );

    app.post(
      "/check",
      {
        preHandler: guard,
        schema: {
          summary: "Check a document's claims and return the findings (needs the token)",
          security: [{ bearer: [] }],
          body: DocumentInput,
          response: { 200: Type.Object({}, { additionalProperties: true }), 400: ErrorBody, 401: ErrorBody },
        },
      },
      async (request, reply) => {
        const doc = analyse(analyzer, request.body, reply);
        return doc ? checkDocument(doc, analyzer.kb, store, corpus?.stories) : reply;
      },
    );
  };
}
