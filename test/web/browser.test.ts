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
const store = openSqliteStore(join(dir, "web.db"));
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
  app = await buildServer({ store, analyzer, token: TOKEN });
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
});
