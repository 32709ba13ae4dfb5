import { timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { Analyzer } from "../analysis.js";
import { packageRoot } from "../paths.js";
import { openSqliteCheckStore } from "../store/sqlite/check-store.js";
import { openSqliteCorpusStore } from "../store/sqlite/corpus-store.js";
import { openReadOnly } from "../store/sqlite/read-only.js";
import type { Store } from "../store/store.js";
import { checkBasis } from "../verify/check-store.js";
import type { Corpus } from "./corpus.js";
import { FacetCache } from "./facet-cache.js";
import { analysisRoutes } from "./routes/analysis.js";
import { documentRoutes } from "./routes/documents.js";
import { entityRoutes } from "./routes/entities.js";
import { eventRoutes } from "./routes/events.js";
import { exportRoutes } from "./routes/export.js";
import { kbRoutes } from "./routes/kb.js";
import { storyRoutes } from "./routes/stories.js";
import { uploadRoutes } from "./routes/upload.js";

export interface ServerOptions {
  readonly store: Store;
  readonly analyzer: Analyzer;
  /**
   * The store's database file. Stories, facets, entities, events and exports read it over their
   * own connections; without it (an in-memory store) those routes answer 503.
   */
  readonly dbPath?: string | undefined;
  /** Required as a bearer token by every route that writes or runs heavy work for a client. */
  readonly token: string;
  /** Largest request body, in bytes. */
  readonly bodyLimit?: number;
  /** Requests per minute per client address. */
  readonly rateLimit?: number;
}

export type App = FastifyInstance<
  import("node:http").Server,
  import("node:http").IncomingMessage,
  import("node:http").ServerResponse,
  import("fastify").FastifyBaseLogger,
  TypeBoxTypeProvider
>;

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A preHandler for write routes: a missing or wrong bearer token is a 401 before any work. */
export function requireToken(token: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization ?? "";
    const given = header.startsWith("Bearer ") ? header.slice(7) : "";
    if (!given || !sameToken(given, token)) {
      await reply
        .code(401)
        .send({ error: "unauthorized", message: "this route needs Authorization: Bearer <token>" });
    }
  };
}

/** The stories and browsing connection of a server on a database file; none for an in-memory store. */
function openCorpus(options: ServerOptions): Corpus | undefined {
  if (!options.dbPath) return undefined;
  const stories = openSqliteCorpusStore(options.dbPath);
  const checks = openSqliteCheckStore(options.dbPath, checkBasis(options.analyzer.kb));
  try {
    const db = openReadOnly(options.dbPath);
    return { stories, db, facets: new FacetCache(db), checks };
  } catch (error) {
    checks.close();
    stories.close();
    throw error;
  }
}

/**
 * The HTTP API. Routes are declared with JSON schemas, which validate requests and produce the
 * OpenAPI 3.1 document served at /api/openapi.json. Errors are JSON without stack traces.
 */
export async function buildServer(options: ServerOptions): Promise<App> {
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024,
    logger: false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "relata API",
        version: "0.1.0",
        description: "Documents, analyses, checks and the knowledge base of a relata corpus.",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    },
  });
  await app.register(rateLimit, { max: options.rateLimit ?? 600, timeWindow: "1 minute" });

  app.setErrorHandler(
    (error: { statusCode?: number; validation?: unknown; message: string }, _request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      const message = status === 500 ? "internal error" : error.message;
      void reply.code(status).send({
        error: error.validation || status === 400 ? "invalid request" : status === 500 ? "internal" : "error",
        message,
      });
    },
  );
  // The built web app (npm run build) is served at /, and any other non-API path gets its page.
  const web = join(packageRoot(), "dist", "web");
  const hasWeb = existsSync(join(web, "index.html"));
  if (hasWeb) await app.register(fastifyStatic, { root: web, index: "index.html" });
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === "GET" && !request.url.startsWith("/api/"))
      return reply.sendFile("index.html");
    return reply.code(404).send({ error: "not found", message: `no route ${request.method} ${request.url}` });
  });

  const corpus = openCorpus(options);
  app.addHook("onClose", async () => {
    corpus?.checks.close();
    corpus?.stories.close();
    corpus?.db.close();
  });
  const guard = requireToken(options.token);
  const { store, analyzer } = options;
  await app.register(documentRoutes(store, analyzer, guard, corpus), { prefix: "/api" });
  await app.register(analysisRoutes(store, analyzer, guard, corpus), { prefix: "/api" });
  await app.register(kbRoutes(analyzer.kb), { prefix: "/api" });
  await app.register(storyRoutes(store, corpus), { prefix: "/api" });
  await app.register(entityRoutes(analyzer.kb, corpus), { prefix: "/api" });
  await app.register(eventRoutes(analyzer.kb, corpus), { prefix: "/api" });
  await app.register(uploadRoutes(store, analyzer, guard, corpus), { prefix: "/api" });
  await app.register(exportRoutes(store, corpus), { prefix: "/api" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  return app;
}
