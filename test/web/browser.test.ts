import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import { ingestPaths } from "../../src/ingest.js";
import { packageRoot } from "../../src/paths.js";
import { type App, buildServer } from "../../src/server/app.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { hasBrowser, launch } from "./chromium.js";

const TOKEN = "browser-test-token";
const shots = join(packageRoot(), "test-results", "screenshots");
const dir = mkdtempSync(join(tmpdir(), "relata-web-"));
const dbPath = join(dir, "web.db");
const store = openSqliteStore(dbPath);
const analyzer = new Analyzer();
const HOSTILE = {
  title: "Prova <script>window.__pwned = 1</script>",
  text: 'Il presidente Vladimir Putin <img src=x onerror="window.__pwned = 2"> ha parlato a Mosca. <script>window.__pwned = 3</script>',
  lang: "it",
  date: "2024-08-21",
  url: "https://hostile.example/xss",
};
let app: App;
let browser: Browser;
let base = "";
let page: Page;

beforeAll(async () => {
  if (!hasBrowser) return;
  await ingestPaths(store, analyzer, [join(packageRoot(), "examples")]);
  store.put(analyzer.analyze({ ...HOSTILE, date: { value: HOSTILE.date, precision: "day" } }));
  app = await buildServer({ store, analyzer, token: TOKEN, dbPath });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launch();
  page = await browser.newPage();
  mkdirSync(shots, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!hasBrowser)("web app in Chromium", () => {
  it("searches across languages and opens an article", async () => {
    await page.goto(`${base}/#/search/Kursk`);
    await page.waitForSelector(".hits li");
    const titles = await page.locator(".hits li a").allTextContents();
    expect(titles.some((t) => t.includes("Koursk"))).toBe(true);
    await page.screenshot({ path: join(shots, "search.png"), fullPage: true });
    await page.locator(".hits li a", { hasText: "Koursk" }).first().click();
    await page.waitForSelector(".article-text .mark.entities");
    expect(await page.locator("h2").textContent()).toMatch(/Koursk/);
    // A linked entity leads to its page.
    await page.locator(".article-text .mark.entities a").first().click();
    await page.waitForSelector(".entity h2");
    expect(await page.locator(".entity .hits").textContent()).toContain("Koursk");
  });

  it("shows the altered article's findings in the margin and marks them in the text", async () => {
    await page.goto(`${base}/#/search/vicepremier`);
    await page.locator(".hits li a").first().click();
    await page.waitForSelector(".finding.contradicted");
    expect(await page.locator(".finding.contradicted").first().textContent()).toMatch(
      /vicepremier.*Premier of the State Council/,
    );
    expect(await page.locator(".mark.finding-contradicted").first().textContent()).toBe("vicepremier");
    await page.screenshot({ path: join(shots, "article.png"), fullPage: true });
  });

  it("checks pasted text with the write token", async () => {
    await page.goto(`${base}/#/check`);
    await page.fill("textarea[name=text]", "Chinese Vice Premier Li Qiang met Vladimir Putin in Moscow.");
    await page.fill("input[name=lang]", "en");
    await page.fill("input[name=date]", "2024-08-21");
    await page.fill("input[name=token]", TOKEN);
    await page.click("button[type=submit]");
    await page.waitForSelector(".finding.contradicted");
    expect(await page.locator(".mark.finding-contradicted").textContent()).toBe("Vice Premier");
    await page.screenshot({ path: join(shots, "check.png"), fullPage: true });
  });

  it("renders markup in an article as inert text", async () => {
    let dialogs = 0;
    page.on("dialog", async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.goto(`${base}/#/search/Prova`);
    await page.locator(".hits li a").first().click();
    await page.waitForSelector(".article-text");
    expect(await page.locator(".article-text").textContent()).toContain("<img src=x onerror=");
    expect(await page.locator("h2").textContent()).toContain("<script>");
    expect(await page.locator("main img").count()).toBe(0);
    expect(await page.locator("main script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    await page.screenshot({ path: join(shots, "xss.png"), fullPage: true });
  });

  it("narrows a search with its facets", async () => {
    await page.goto(`${base}/#/search/Kursk`);
    await page.waitForSelector(".facet-lang a");
    const before = await page.locator(".hits li").count();
    await page.locator(".facet-lang a", { hasText: "fr" }).click();
    await page.waitForFunction(() => document.querySelectorAll(".hits li").length === 1);
    expect(before).toBeGreaterThan(1);
    expect(await page.locator(".hits li .muted").first().textContent()).toMatch(/fr/);
    expect(await page.locator(".facet-lang .clear").textContent()).toContain("fr");
    await page.screenshot({ path: join(shots, "facets.png"), fullPage: true });
  });

  it("shows a story and its derived document beside its source, with changed values marked", async () => {
    const { stories } = (await (await fetch(`${base}/api/stories`)).json()) as { stories: { id: number }[] };
    const withDerivation = [];
    for (const s of stories) {
      const story = (await (await fetch(`${base}/api/stories/${s.id}`)).json()) as { derivations: unknown[] };
      if (story.derivations.length > 0) withDerivation.push(s.id);
    }
    await page.goto(`${base}/#/story/${withDerivation[0]}`);
    await page.waitForSelector(".story-documents .compare-link");
    expect(await page.locator(".story-documents tbody tr").count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(shots, "story.png"), fullPage: true });
    await page.locator(".compare-link").first().click();
    await page.waitForSelector(".side-by-side tr.row-aligned");
    expect(await page.locator(".side.document .mark.changed").allTextContents()).toContain("due mesi fa");
    expect(await page.locator(".side.source .mark.changed").allTextContents()).toContain("il 6 agosto");
    expect(await page.locator("tr.row-dropped, tr.row-added").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, "side-by-side.png"), fullPage: true });
  });

  it("charts an entity's mentions per week", async () => {
    // Found by its Russian name, then opened.
    await page.goto(`${base}/#/entities/${encodeURIComponent("Путин")}`);
    await page.locator(".entities a", { hasText: "Vladimir Putin" }).click();
    await page.waitForSelector(".mentions-chart canvas");
    expect(await page.locator("h2").textContent()).toBe("Vladimir Putin");
    expect(await page.locator(".entity .hits li").count()).toBeGreaterThan(3);
    // The hostile article names Putin: its title is listed as text.
    expect(await page.locator(".entity .hits").textContent()).toContain("<script>");
    expect(await page.locator("main script").count()).toBe(0);
    await page.screenshot({ path: join(shots, "entity.png"), fullPage: true });
  });

  it("maps places and draws the actor graph of a period, offline", async () => {
    await page.goto(`${base}/#/explore/2024-08/2024-08`);
    await page.waitForSelector(".world-map circle.place");
    expect(await page.locator(".world-map path.country").count()).toBeGreaterThan(100);
    const places = await page.locator(".world-map circle.place title").allTextContents();
    expect(places.some((t) => t.startsWith("Moscow"))).toBe(true);
    expect(places.some((t) => t.startsWith("Kazan"))).toBe(false);
    await page.waitForSelector(".actor-graph canvas");
    expect(Number(await page.locator(".actor-graph").getAttribute("data-edges"))).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, "explore.png"), fullPage: true });
  });

  it("charts the events between two countries", async () => {
    await page.goto(`${base}/#/dyad/CHN/RUS/week`);
    await page.waitForSelector(".dyad-chart canvas");
    expect(await page.locator(".dyad-chart .u-legend").textContent()).toMatch(/verbal cooperation/);
    expect(await page.locator(".total").textContent()).toMatch(/^[1-9]\d* events/);
    await page.screenshot({ path: join(shots, "dyad.png"), fullPage: true });
  });
});
