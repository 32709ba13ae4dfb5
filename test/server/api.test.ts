import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import { type App, buildServer } from "../../src/server/app.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";

type Content = Record<string, { schema?: object }>;
interface Operation {
  summary?: string;
  parameters?: { schema?: object }[];
  requestBody?: { content?: Content };
  responses: Record<string, { content?: Content }>;
}

const TOKEN = "test-token-123";
const auth = { authorization: `Bearer ${TOKEN}` };
const store = openSqliteStore(":memory:");
let app: App;

const article = {
  title: "Il premier cinese Li Qiang a Mosca",
  text: "Il premier cinese Li Qiang è arrivato a Mosca, dove ha incontrato il presidente Vladimir Putin al Cremlino.",
  url: "https://lago.example/li-mosca",
  lang: "it",
  date: "2024-08-21",
};

beforeAll(async () => {
  app = await buildServer({ store, analyzer: new Analyzer(), token: TOKEN, rateLimit: 10_000 });
});
afterAll(async () => {
  await app.close();
  store.close();
});

describe("write routes", () => {
  it("refuse a missing or wrong token with 401 and change nothing", async () => {
    for (const headers of [{}, { authorization: "Bearer nope" }, { authorization: TOKEN }]) {
      const r = await app.inject({
        method: "POST",
        url: "/api/ingest",
        headers,
        payload: { documents: [article] },
      });
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({ error: "unauthorized" });
    }
    expect(store.stats().documents).toBe(0);
    const check = await app.inject({ method: "POST", url: "/api/check", payload: article });
    expect(check.statusCode).toBe(401);
  });

  it("ingest analyses and stores, idempotently", async () => {
    const first = await app.inject({
      method: "POST",
      url: "/api/ingest",
      headers: auth,
      payload: { documents: [article] },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().results[0].outcome).toBe("added");
    const again = await app.inject({
      method: "POST",
      url: "/api/ingest",
      headers: auth,
      payload: { documents: [article] },
    });
    expect(again.json().results[0].outcome).toBe("unchanged");
  });

  it("validate bodies with a JSON 400, never a stack trace", async () => {
    const cases = [
      { documents: [] },
      { documents: [{ title: "no text" }] },
      { documents: [{ ...article, date: "21/08/2024" }] },
      { documents: [{ ...article, date: "2024-02-30" }] },
    ];
    for (const payload of cases) {
      const r = await app.inject({ method: "POST", url: "/api/ingest", headers: auth, payload });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().message).toBeTypeOf("string");
      expect(r.body).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });

  it("check returns role findings with evidence", async () => {
    const r = await app.inject({
      method: "POST",
      url: "/api/check",
      headers: auth,
      payload: { ...article, text: article.text.replace("premier", "vicepremier") },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().findings[0]).toMatchObject({
      kind: "role",
      verdict: "contradicted",
      text: "vicepremier",
    });
  });
});

describe("read routes", () => {
  it("search and fetch a document with its layers", async () => {
    // "Moscow" finds the Italian "Mosca" through the KB's names of the city, unless exact
    const exact = await app.inject({ url: "/api/documents?q=Moscow&exact=true" });
    expect(exact.json().hits).toEqual([]);
    const search = await app.inject({ url: "/api/documents?q=Moscow&lang=it" });
    expect(search.statusCode).toBe(200);
    const [hit] = search.json().hits;
    expect(hit.title).toBe(article.title);
    const doc = await app.inject({ url: `/api/documents/${hit.id}` });
    expect(doc.statusCode).toBe(200);
    const body = doc.json();
    expect(body.version).toBe(1);
    expect(body.entities.some((e: { name: string }) => e.name === "Li Qiang")).toBe(true);
    for (const s of body.sentences) expect(body.text.slice(s.start, s.end)).toBe(s.text);
  });

  it("answer 404 for unknown documents, entities and routes, and 400 for bad queries", async () => {
    expect((await app.inject({ url: "/api/documents/0123456789abcdef" })).statusCode).toBe(404);
    expect((await app.inject({ url: "/api/documents/not-an-id" })).statusCode).toBe(400);
    expect((await app.inject({ url: "/api/documents?q=" })).statusCode).toBe(400);
    expect((await app.inject({ url: "/api/documents?q=x&from=yesterday" })).statusCode).toBe(400);
    expect((await app.inject({ url: "/api/kb/entities/Q0" })).statusCode).toBe(404);
    expect((await app.inject({ url: "/api/nothing" })).statusCode).toBe(404);
  });

  it("analyse without storing, and serve stats and the KB", async () => {
    const r = await app.inject({ method: "POST", url: "/api/analyze", payload: article });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ schema: "relata.analysis/1", lang: "it", date: "2024-08-21" });
    expect((await app.inject({ url: "/api/stats" })).json().documents).toBe(1);
    const kb = (await app.inject({ url: "/api/kb/entities?q=Li%20Qiang" })).json();
    expect(kb.entities.map((e: { name: string }) => e.name)).toContain("Li Qiang");
    const li = (await app.inject({ url: `/api/kb/entities/${kb.entities[0].id}` })).json();
    expect(li.offices.some((o: { from: string }) => o.from === "2023-03-11")).toBe(true);
  });

  it("publish an OpenAPI 3.1 document naming every route", async () => {
    const spec = (await app.inject({ url: "/api/openapi.json" })).json();
    expect(spec.openapi).toBe("3.1.0");
    expect(Object.keys(spec.paths).sort()).toEqual([
      "/api/analyze",
      "/api/check",
      "/api/documents",
      "/api/documents/{id}",
      "/api/documents/{id}/alignment",
      "/api/documents/{id}/findings",
      "/api/dyads",
      "/api/entities/{id}",
      "/api/events",
      "/api/export",
      "/api/graph",
      "/api/ingest",
      "/api/ingest/file",
      "/api/kb/entities",
      "/api/kb/entities/{id}",
      "/api/places",
      "/api/stats",
      "/api/stories",
      "/api/stories/{id}",
    ]);
    // Every write but /analyze (which stores nothing) needs the token.
    for (const path of ["/api/ingest", "/api/ingest/file", "/api/check"])
      expect(spec.paths[path].post.security, path).toEqual([{ bearer: [] }]);
    // OpenAPI 3.1 schemas are JSON Schema 2020-12: every one of them must compile.
    const ajv = new Ajv2020({ strict: false });
    for (const [path, item] of Object.entries(spec.paths as Record<string, Record<string, Operation>>)) {
      for (const op of Object.values(item)) {
        expect(op.summary, path).toBeTruthy();
        expect(Object.keys(op.responses).length, path).toBeGreaterThan(0);
        const schemas = [
          ...(op.parameters ?? []).map((p) => p.schema),
          ...Object.values(op.requestBody?.content ?? {}).map((c) => c.schema),
          ...Object.values(op.responses).flatMap((r) => Object.values(r.content ?? {}).map((c) => c.schema)),
        ];
        for (const schema of schemas) expect(() => ajv.compile(schema ?? {}), path).not.toThrow();
      }
    }
  });
});

describe("limits", () => {
  it("refuse oversized bodies with 413 and rate-limit a flood with 429", async () => {
    const small = await buildServer({
      store,
      analyzer: new Analyzer(),
      token: TOKEN,
      bodyLimit: 1000,
      rateLimit: 3,
    });
    const big = await small.inject({
      method: "POST",
      url: "/api/analyze",
      payload: { text: "x".repeat(5000) },
    });
    expect(big.statusCode).toBe(413);
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await small.inject({ url: "/api/stats" })).statusCode);
    expect(codes).toContain(429);
    await small.close();
  });
});
