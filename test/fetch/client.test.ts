import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublicAddress } from "../../src/fetch/address.js";
import { PoliteClient } from "../../src/fetch/client.js";
import { fetchItems } from "../../src/fetch/items.js";
import { parseRobots, robotsAllows } from "../../src/fetch/robots.js";
import { startSite, type TestSite } from "./server.js";

let site: TestSite;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

const client = (options = {}) => new PoliteClient({ allowPrivate: true, rateMs: 0, ...options });
const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe("PoliteClient", () => {
  it("names relata in its User-Agent, reads robots.txt once per origin and follows redirects", async () => {
    const c = client();
    const page = await c.get(`${site.origin}/moved`);
    expect(page.url).toBe(`${site.origin}/articles/2`);
    expect(page.contentType).toBe("text/html; charset=utf-8");
    await c.get(`${site.origin}/feed.xml`);
    const mine = site.requests.slice(-4);
    expect(mine.map((r) => r.path)).toEqual(["/robots.txt", "/moved", "/articles/2", "/feed.xml"]);
    expect(mine.every((r) => /^relata\//.test(r.userAgent ?? ""))).toBe(true);
  });

  it("honours robots.txt", async () => {
    await expect(client().get(`${site.origin}/private/page`)).rejects.toThrow(
      /\/private\/page: disallowed by robots\.txt/,
    );
  });

  it("waits the interval between two requests to one host", async () => {
    const c = client({ rateMs: 300 });
    const started = Date.now();
    // robots.txt, then two pages: three requests to one host, so at least two intervals.
    await c.get(`${site.origin}/articles/2`);
    await c.get(`${site.origin}/articles/2`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(580);
    const [robots, first, second] = site.requests.slice(-3);
    expect([robots?.path, first?.path, second?.path]).toEqual(["/robots.txt", "/articles/2", "/articles/2"]);
  });

  it("fetches nothing from a site whose robots.txt is unreachable, and anything when it is missing", async () => {
    for (const [status, outcome] of [
      [503, /not fetched: .*robots\.txt is unreachable \(HTTP 503\)/],
      [404, undefined],
    ] as const) {
      const other = await startSite(status);
      try {
        const result = client().get(`${other.origin}/private/page`);
        if (outcome) await expect(result).rejects.toThrow(outcome);
        else expect((await result).status).toBe(200);
      } finally {
        await other.close();
      }
    }
  });

  it("refuses a response over the size cap and one slower than the timeout", async () => {
    await expect(client({ maxBytes: 50_000 }).get(`${site.origin}/huge`)).rejects.toThrow(
      /huge: larger than the size cap/,
    );
    await expect(client({ timeoutMs: 300 }).get(`${site.origin}/slow`)).rejects.toThrow(
      /slow: timed out after 300 ms/,
    );
  });

  it("refuses loopback addresses, literal or resolved, unless allowed", async () => {
    const strict = new PoliteClient({ rateMs: 0 });
    await expect(strict.get(`${site.origin}/articles/2`)).rejects.toThrow(/127\.0\.0\.1.*loopback/);
    const port = new URL(site.origin).port;
    await expect(strict.get(`http://localhost:${port}/articles/2`)).rejects.toThrow(
      /localhost resolves to .*loopback/,
    );
    await expect(strict.get("ftp://example.org/x")).rejects.toThrow(/only http and https/);
  });
});

describe("fetchItems", () => {
  it("reads a feed, fetching the article of a summary-only item and keeping the others", async () => {
    const items = await collect(fetchItems(`${site.origin}/feed.xml`, client()));
    const docs = items.flatMap((i) => (i.kind === "document" ? [i.init] : []));
    expect(items.filter((i) => i.kind === "error")).toEqual([]);
    expect(docs.map((d) => d.title)).toEqual(["Market hall roof replaced", "Bridge reopens after repairs"]);
    expect(docs[0]?.metadata?.needsFetch).toBeUndefined();
    const article = docs[1];
    expect(article?.text).toContain("Buses will return to their usual route");
    expect(article?.text).not.toContain("Home · News");
    expect(article?.source).toBe("Test Gazette");
    // The page has no date: the feed item's.
    expect(article?.date).toEqual({ value: "2024-06-04T09:00:00Z", precision: "time" });
  });

  it("turns a failed fetch into an error item naming the URL", async () => {
    const items = await collect(fetchItems(`${site.origin}/missing`, client()));
    expect(items.map((i) => i.kind === "error" && i.error.message)).toEqual([
      `${site.origin}/missing: HTTP 404`,
    ]);
  });
});

describe("isPublicAddress", () => {
  it("tells public addresses from loopback, private and link-local ones", () => {
    for (const a of [
      "127.0.0.1",
      "10.2.3.4",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    for (const a of ["8.8.8.8", "151.101.1.1", "2606:4700::1111", "::ffff:8.8.8.8"])
      expect(isPublicAddress(a), a).toBe(true);
  });
});

describe("robots.txt", () => {
  const robots = `# comment
User-agent: otherbot
Disallow: /

User-agent: *
Disallow: /search
Allow: /search/about
Disallow: /*.pdf$
`;
  it("applies the * group, the longest rule and the wildcards", () => {
    const rules = parseRobots(robots, "relata");
    expect(robotsAllows(rules, "/news/1")).toBe(true);
    expect(robotsAllows(rules, "/search?q=x")).toBe(false);
    expect(robotsAllows(rules, "/search/about")).toBe(true);
    expect(robotsAllows(rules, "/files/a.pdf")).toBe(false);
    expect(robotsAllows(rules, "/files/a.pdf?x")).toBe(true);
  });
  it("prefers the group naming relata", () => {
    const rules = parseRobots(`${robots}\nUser-agent: relata\nDisallow: /news\n`, "relata");
    expect(robotsAllows(rules, "/news/1")).toBe(false);
    expect(robotsAllows(rules, "/search")).toBe(true);
  });
});
