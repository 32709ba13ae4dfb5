import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import { warcResponse } from "../../src/readers/warc-write.js";
import { type App, buildServer } from "../../src/server/app.js";
import { openSqliteCheckStore } from "../../src/store/sqlite/check-store.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { checkBasis } from "../../src/verify/check-store.js";
import { OTHER, REPORT, REWRITE } from "./fixtures.js";

const TOKEN = "corpus-token";
const auth = { authorization: `Bearer ${TOKEN}` };
const dir = mkdtempSync(join(tmpdir(), "relata-api-"));
const dbPath = join(dir, "api.db");
const store = openSqliteStore(dbPath);
let app: App;
const analyzer = new Analyzer();
const ids: Record<string, string> = {};

const get = async (url: string) => {
  const r = await app.inject({ url });
  expect(r.body, url).not.toMatch(/at .*\.(ts|js):\d+/);
  return r;
};
const expectError = async (url: string, status: number) => {
  const r = await get(url);
  expect(r.statusCode, url).toBe(status);
  expect(r.json().message, url).toBeTypeOf("string");
};

beforeAll(async () => {
  app = await buildServer({ store, analyzer, token: TOKEN, dbPath, rateLimit: 10_000 });
  const r = await app.inject({
    method: "POST",
    url: "/api/ingest",
    headers: auth,
    payload: { documents: [REPORT, REWRITE, OTHER] },
  });
  const [report, rewrite, other] = r.json().results.map((x: { id: string }) => x.id);
  Object.assign(ids, { report, rewrite, other });
}, 60_000);

afterAll(async () => {
  await app.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("findings of a stored document", () => {
  it("are the stored report, kept until new evidence arrives", async () => {
    const first = await get(`/api/documents/${ids.rewrite}/findings`);
    expect(first.statusCode).toBe(200);
    expect(first.json().story).toBeTypeOf("number");
    const checks = openSqliteCheckStore(dbPath, checkBasis(analyzer.kb));
    try {
      expect(checks.get(ids.rewrite)).toMatchObject({ stale: false, report: first.json() });
      expect((await get(`/api/documents/${ids.rewrite}/findings`)).json()).toEqual(first.json());
    } finally {
      checks.close();
    }
  });
});

describe("stories", () => {
  it("lists the stories ingest placed the documents in, largest first", async () => {
    const r = await get("/api/stories");
    expect(r.statusCode).toBe(200);
    const stories = r.json().stories;
    expect(stories.map((s: { size: number }) => s.size)).toEqual([2, 1]);
    expect(stories[0].outlets).toEqual(["first.example", "second.example"]);
  });

  it("gives a story's documents by date, which derives from which, and its facts' corroboration", async () => {
    const { stories } = (await get("/api/stories")).json();
    const story = (await get(`/api/stories/${stories[0].id}`)).json();
    expect(story.documents.map((d: { id: string }) => d.id)).toEqual([ids.report, ids.rewrite]);
    expect(story.derivations).toEqual([expect.objectContaining({ id: ids.rewrite, source: ids.report })]);
    const meeting = story.facts.find(
      (f: { kind: string; label: string }) =>
        f.kind === "event" && f.label.startsWith("Xi Jinping → Vladimir Putin"),
    );
    expect(meeting).toMatchObject({ inStory: 2, documents: 2, outlets: 2 });
    for (const f of story.facts) expect(f.inStory).toBeLessThanOrEqual(f.documents);
    const inStory = story.facts.map((f: { inStory: number }) => f.inStory);
    expect(inStory).toEqual([...inStory].sort((a, b) => b - a));
  });

  it("name a document's story in its analysis", async () => {
    const { stories } = (await get("/api/stories")).json();
    expect((await get(`/api/documents/${ids.other}`)).json().story).toBe(stories[1].id);
  });

  it("answers 404 for an unknown story and 400 for a malformed id", async () => {
    await expectError("/api/stories/999", 404);
    await expectError("/api/stories/abc", 400);
    await expectError("/api/stories/0", 400);
  });
});

describe("side-by-side alignment", () => {
  it("pairs sentences, marks changed values, added and dropped sentences", async () => {
    const r = await get(`/api/documents/${ids.rewrite}/alignment?source=${ids.report}`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ derived: true, document: { id: ids.rewrite }, source: { id: ids.report } });
    const trade = body.rows.find((row: { document?: { text: string } }) =>
      row.document?.text.includes("310"),
    );
    expect(trade.status).toBe("aligned");
    expect(trade.document.changed.map((c: { text: string }) => c.text)).toEqual(["310 billion dollars"]);
    expect(trade.source.changed.map((c: { text: string }) => c.text)).toEqual(["240 billion dollars"]);
    const sentence = trade.document.text as string;
    const [changed] = trade.document.changed;
    expect(sentence.slice(changed.start, changed.end)).toBe("310 billion dollars");
    const statuses = body.rows.map((row: { status: string }) => row.status);
    expect(statuses.filter((s: string) => s === "added")).toHaveLength(1);
    expect(statuses.filter((s: string) => s === "dropped")).toHaveLength(1);
    expect(body.rows.find((row: { status: string }) => row.status === "added").document.text).toMatch(
      /observers/,
    );
    expect(body.rows.find((row: { status: string }) => row.status === "dropped").source.text).toMatch(
      /Beijing/,
    );
  });

  it("answers 404 for an unknown document or source and 400 without a source", async () => {
    await expectError(`/api/documents/${ids.rewrite}/alignment?source=0123456789abcdef`, 404);
    await expectError(`/api/documents/0123456789abcdef/alignment?source=${ids.report}`, 404);
    await expectError(`/api/documents/${ids.rewrite}/alignment`, 400);
  });
});

describe("document filters and facets", () => {
  const hits = async (query: string) =>
    (await get(`/api/documents?${query}`)).json().hits.map((h: { id: string }) => h.id);

  it("filter by outlet, entity, story, date and text, together", async () => {
    expect(await hits("outlet=second.example")).toEqual([ids.rewrite]);
    expect((await hits("entity=Q15031")).sort()).toEqual([ids.report, ids.rewrite].sort());
    const { stories } = (await get("/api/stories")).json();
    expect(await hits(`story=${stories[1].id}`)).toEqual([ids.other]);
    expect(await hits("from=2024-10")).toEqual([ids.other]);
    expect(await hits("q=Beijing&entity=Q7747")).toEqual([ids.report]);
    expect(await hits("q=Beijing&outlet=third.example")).toEqual([]);
    const { facets } = (await get(`/api/documents?story=${stories[0].id}&facets=true`)).json();
    const type = facets.eventType[0].key;
    expect((await hits(`story=${stories[0].id}&event=${type}`)).length).toBe(facets.eventType[0].n);
    expect(await hits("event=NO_SUCH_TYPE")).toEqual([]);
    expect((await get("/api/documents?q=%3F!&facets=true")).json()).toMatchObject({
      hits: [],
      facets: { total: 0 },
    });
  });

  it("count the filtered documents by language, outlet, month, entity and event type", async () => {
    const { facets } = (await get("/api/documents?entity=Q7747&facets=true")).json();
    expect(facets.total).toBe(2);
    expect(facets.lang).toEqual([{ key: "en", name: "en", n: 2 }]);
    expect(facets.month).toEqual([{ key: "2024-05", name: "2024-05", n: 2 }]);
    expect(facets.entity).toContainEqual({ key: "Q15031", name: "Xi Jinping", n: 2 });
    expect(
      facets.entity.find((e: { key: string }) => e.key === "r:p.luiz-inacio-lula-da-silva"),
    ).toBeUndefined();
    expect(facets.eventType.length).toBeGreaterThan(0);
  });

  it("refuse bad filters with a JSON 400", async () => {
    await expectError("/api/documents?from=2024-13", 400);
    await expectError("/api/documents?to=2024-02-30", 400);
    await expectError("/api/documents?story=0", 400);
    await expectError("/api/documents?lang=english", 400);
    await expectError("/api/documents?event=consult;", 400);
  });
});

describe("entities", () => {
  it("give KB facts, offices, mentions per week and the documents naming the entity", async () => {
    const r = await get("/api/entities/Q15031");
    expect(r.statusCode).toBe(200);
    const xi = r.json();
    expect(xi.entity).toMatchObject({ name: "Xi Jinping", type: "person", country: "CHN" });
    // Both articles fall in the ISO week starting on Monday 2024-05-13.
    expect(xi.mentionsPerWeek).toEqual([{ week: "2024-05-13", mentions: expect.any(Number), documents: 2 }]);
    expect(xi.mentionsPerWeek[0].mentions).toBeGreaterThanOrEqual(4);
    expect(xi.documents.map((d: { id: string }) => d.id)).toEqual([ids.rewrite, ids.report]);
    expect(xi.names.some((n: { name: string }) => n.name === "Xi Jinping")).toBe(true);
  });

  it("answers 404 for an id neither the KB nor the corpus knows", async () => {
    await expectError("/api/entities/Q0", 404);
  });
});

describe("actor graph and places", () => {
  it("link the actors of events, in a story or a period", async () => {
    const graph = (await get("/api/graph")).json();
    expect(graph.edges).toContainEqual(expect.objectContaining({ source: "Q15031", target: "Q7747" }));
    const { stories } = (await get("/api/stories")).json();
    const lula = (await get(`/api/graph?story=${stories[1].id}`)).json();
    expect(lula.nodes.some((n: { id: string }) => n.id === "Q15031")).toBe(false);
    const autumn = (await get("/api/graph?from=2024-09")).json();
    expect(autumn.edges).toEqual([]);
    await expectError("/api/graph?from=someday", 400);
  });

  it("place events and named places with the KB's coordinates", async () => {
    const { places } = (await get("/api/places?to=2024-06")).json();
    const moscow = places.find((p: { name: string }) => p.name === "Moscow");
    expect(moscow).toMatchObject({
      lat: expect.closeTo(55.75, 1),
      lon: expect.closeTo(37.6, 1),
      documents: 2,
    });
    expect(places.some((p: { name: string }) => p.name === "Kazan")).toBe(false);
    await expectError("/api/places?story=-1", 400);
  });
});

describe("events and dyads", () => {
  it("filter stored events by actor, CAMEO root, document and day", async () => {
    const { events } = (await get("/api/events?actor=CHN&root=04")).json();
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e.root).toBe("04");
      expect([e.source?.country, e.target?.country]).toContain("CHN");
    }
    const ofReport = (await get(`/api/events?doc=${ids.report}`)).json().events;
    expect(new Set(ofReport.map((e: { docId: string }) => e.docId))).toEqual(new Set([ids.report]));
    expect((await get("/api/events?actor=CHN&from=2024-06")).json().events).toEqual([]);
    await expectError("/api/events?root=4", 400);
    await expectError("/api/events?from=2024-02-30", 400);
  });

  it("filter stored events by PLOVER type and place", async () => {
    const all = (await get("/api/events")).json().events as { plover: string; place?: string }[];
    const plover = all[0]?.plover as string;
    const ofType = (await get(`/api/events?plover=${plover}`)).json().events as { plover: string }[];
    expect(ofType.length).toBe(all.filter((e) => e.plover === plover).length);
    const place = all.find((e) => e.place)?.place as string;
    expect(place).toBeDefined();
    const there = (await get(`/api/events?place=${encodeURIComponent(place)}`)).json().events;
    expect(there.length).toBe(all.filter((e) => e.place === place).length);
    await expectError("/api/events?plover=assault", 400);
  });

  it("give a dyad's series per week or month, with QuadClass counts and the Goldstein sum", async () => {
    const r = await get("/api/dyads?a=RUS&b=CHN&by=month&from=2024-04&to=2024-06");
    expect(r.statusCode).toBe(200);
    const { points } = r.json();
    // Empty months are in the series too.
    expect(points.map((p: { period: string }) => p.period)).toEqual(["2024-04", "2024-05", "2024-06"]);
    const may = points[1];
    expect(may.events).toBeGreaterThan(0);
    expect(may.quad["1"] + may.quad["2"] + may.quad["3"] + may.quad["4"]).toBe(may.events);
    expect(may.sources).toBe(2);
    const weeks = (await get("/api/dyads?a=CHN&b=RUS")).json().points;
    expect(weeks[0].period).toMatch(/^2024-W\d{2}$/);
    await expectError("/api/dyads?a=RUS", 400);
    await expectError("/api/dyads?a=RUS&b=CHN&by=year", 400);
    await expectError("/api/dyads?a=RUS&b=CHN&from=2024-06&to=2024-01", 400);
  });
});

describe("file uploads", () => {
  const upload = (body: Buffer | string, contentType: string, query = "", headers = auth) =>
    app.inject({
      method: "POST",
      url: `/api/ingest/file${query}`,
      headers: { ...headers, "content-type": contentType },
      payload: body,
    });
  const page = `<!doctype html><html lang="en"><head><title>Putin visits Kazan</title>
    <meta property="article:published_time" content="2024-10-22"></head>
    <body><article><h1>Putin visits Kazan</h1><p>Russian President Vladimir Putin arrived in Kazan on Tuesday for the BRICS summit.</p></article></body></html>`;

  it("needs the token", async () => {
    const r = await upload(page, "text/html", "", {} as typeof auth);
    expect(r.statusCode).toBe(401);
    expect(r.json().error).toBe("unauthorized");
  });

  it("ingests an HTML page and a WARC archive, detected from their content", async () => {
    const total = async () => (await get("/api/documents?facets=true")).json().facets.total;
    const before = await total();
    const html = await upload(
      page,
      "application/octet-stream",
      "?name=kazan.html&url=https://fourth.example/kazan",
    );
    expect(html.statusCode).toBe(200);
    expect(html.json()).toMatchObject({ read: 1, added: 1, errors: [] });
    // The facet counts, kept between requests, see the new document.
    expect(await total()).toBe(before + 1);
    const warc = await warcResponse(
      {
        url: "https://fifth.example/kazan",
        html: page.replace("Tuesday", "Wednesday"),
        date: "2024-10-23T10:00:00Z",
      },
      true,
    );
    const r = await upload(Buffer.from(warc), "application/warc", "?name=capture.warc.gz");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ read: 1, added: 1 });
    const found = (await get("/api/documents?outlet=fifth.example")).json().hits;
    expect(found).toHaveLength(1);
  });

  it("reads JSON lines, and refuses a media type it does not take with a JSON 415", async () => {
    const record = { ...OTHER, url: "https://sixth.example/lula", text: `${OTHER.text} Again.` };
    const r = await upload(`${JSON.stringify(record)}\n`, "application/x-ndjson", "?name=batch.jsonl");
    expect(r.json()).toMatchObject({ read: 1, added: 1 });
    const image = await upload("GIF89a", "image/gif");
    expect(image.statusCode).toBe(415);
    expect(image.json().message).toBeTypeOf("string");
  });

  it("refuses an empty body or unreadable content with a JSON 400", async () => {
    expect((await upload("", "text/html")).statusCode).toBe(400);
    const binary = await upload(Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]), "application/octet-stream");
    expect(binary.statusCode).toBe(400);
    expect(binary.json().message).toMatch(/upload/);
    expect(binary.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe("exports", () => {
  it("stream the stored events as relata or PLOVER JSON lines", async () => {
    const jsonl = await get("/api/export?format=jsonl");
    expect(jsonl.statusCode).toBe(200);
    expect(jsonl.headers["content-type"]).toMatch(/application\/x-ndjson/);
    const records = jsonl.body
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records.length).toBeGreaterThan(3);
    expect(new Set(records.map((r) => r.document))).toContain(ids.report);
    const plover = (await get("/api/export?format=plover")).body
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(plover).toHaveLength(records.length);
    expect(plover[0]).toHaveProperty("event");
    await expectError("/api/export?format=csv", 400);
  });

  it("stream GDELT event and mention rows whose event ids join", async () => {
    const events = await get("/api/export?format=gdelt");
    expect(events.headers["content-type"]).toMatch(/text\/tab-separated-values/);
    const rows = events.body
      .trim()
      .split("\n")
      .map((line) => line.split("\t"));
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
    const mentions = (await get("/api/export?format=gdelt-mentions")).body.trim().split("\n");
    expect(mentions.map((line) => line.split("\t")[0])).toEqual(rows.map((r) => r[0]));
  });
});

describe("without a database file", () => {
  it("answers 503 on the routes that need one, and keeps full-text search", async () => {
    const memory = openSqliteStore(":memory:");
    const bare = await buildServer({ store: memory, analyzer: new Analyzer(), token: TOKEN });
    for (const url of [
      "/api/stories",
      "/api/entities/Q7747",
      "/api/graph",
      "/api/export?format=jsonl",
      "/api/documents",
    ]) {
      const r = await bare.inject({ url });
      expect(r.statusCode, url).toBe(503);
      expect(r.json().error).toBe("unavailable");
    }
    expect((await bare.inject({ url: "/api/documents?q=Putin" })).statusCode).toBe(200);
    await bare.close();
    memory.close();
  });
});
