import { Readable } from "node:stream";
import type { FastifyPluginAsync, preHandlerAsyncHookHandler } from "fastify";
import { Type } from "typebox";
import type { Analyzer } from "../../analysis.js";
import { ingestItems } from "../../ingest.js";
import { readSource } from "../../readers/index.js";
import type { InputSource } from "../../readers/reader.js";
import type { Store } from "../../store/store.js";
import type { App } from "../app.js";
import type { Corpus } from "../corpus.js";
import { DateBound, ErrorBody } from "../schemas.js";

/** Uploaded bytes as a reader input; the name is what error messages cite and a format hint. */
function bufferSource(name: string, bytes: Buffer): InputSource {
  return {
    name,
    size: bytes.length,
    head: async (n) => bytes.subarray(0, n),
    bytes: async () => bytes,
    stream: () => Readable.from([bytes]),
  };
}

/** Media types taken as raw bytes; the content decides the format, never the header. */
const RAW_TYPES = [
  "application/octet-stream",
  "text/html",
  "application/warc",
  "application/gzip",
  "application/x-ndjson",
  "application/rss+xml",
  "application/atom+xml",
  "application/xml",
  "text/xml",
  "text/plain",
];

export function uploadRoutes(
  store: Store,
  analyzer: Analyzer,
  guard: preHandlerAsyncHookHandler,
  corpus: Corpus | undefined,
): FastifyPluginAsync {
  return async (plugin) => {
    const app = plugin as unknown as App;
    app.addContentTypeParser(RAW_TYPES, { parseAs: "buffer" }, (_request, body, done) => done(null, body));
    app.post(
      "/ingest/file",
      {
        preHandler: guard,
        schema: {
          summary:
            "Analyse and store the documents of an uploaded file: HTML page, WARC (gzip'd or not), JSONL, feed or text, detected from its content (needs the token)",
          security: [{ bearer: [] }],
          consumes: RAW_TYPES,
          body: Type.Any({ description: "the file's bytes" }),
          querystring: Type.Object({
            name: Type.String({
              minLength: 1,
              maxLength: 200,
              default: "upload",
              description: "file name: a hint, cited in errors",
            }),
            lang: Type.Optional(Type.String({ pattern: "^[a-z]{2,3}$" })),
            date: Type.Optional(DateBound),
            title: Type.Optional(Type.String()),
            url: Type.Optional(Type.String()),
          }),
          response: {
            200: Type.Object({
              read: Type.Integer(),
              added: Type.Integer(),
              unchanged: Type.Integer(),
              newVersions: Type.Integer(),
              errors: Type.Array(Type.String()),
            }),
            400: ErrorBody,
            401: ErrorBody,
            413: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0)
          return reply.code(400).send({ error: "invalid request", message: "the body holds no file" });
        const { name, ...options } = request.query;
        const errors: string[] = [];
        const counts = await ingestItems(store, analyzer, readSource(bufferSource(name, body), options), {
          corpus: corpus?.stories,
          onError: (error) => errors.push(error.message),
        });
        if (counts.read === 0 && errors.length > 0)
          return reply.code(400).send({ error: "invalid request", message: errors.join("; ") });
        const { read, added, unchanged, newVersions } = counts;
        return { read, added, unchanged, newVersions, errors };
      },
    );
  };
}
