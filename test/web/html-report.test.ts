import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import { packageRoot } from "../../src/paths.js";
import { checkDocument } from "../../src/verify/check.js";
import { escapeHtml, htmlReport } from "../../src/verify/html-report.js";
import { hasBrowser, launch } from "./chromium.js";

const analyzer = new Analyzer();
const doc = analyzer.analyze({
  title: "Il vicepremier <script>window.__pwned = 1</script>",
  text: 'Il vicepremier <script>window.__pwned = 1</script>\n\nIl vicepremier cinese Li Qiang <img src=x onerror="window.__pwned = 2"> è arrivato a Mosca.',
  lang: "it",
  date: { value: "2024-08-21", precision: "day" },
});
const html = htmlReport(doc, checkDocument(doc, analyzer.kb));

describe("htmlReport", () => {
  it("escapes all article text and carries the findings", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe(
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;",
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("&lt;script&gt;window.__pwned = 1&lt;/script&gt;");
    expect(html).toMatch(/<mark class="contradicted"[^>]*>vicepremier<\/mark>/);
    expect(html).not.toMatch(/<link|src=["']http/);
  });
});

let browser: Awaited<ReturnType<typeof launch>> | undefined;
beforeAll(async () => {
  if (hasBrowser) browser = await launch();
}, 60_000);
afterAll(async () => browser?.close());

describe.skipIf(!hasBrowser)("htmlReport in Chromium", () => {
  it("opens as one inert, self-contained page", async () => {
    const page = await (browser as NonNullable<typeof browser>).newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    let dialogs = 0;
    page.on("dialog", async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.setContent(html, { waitUntil: "load" });
    expect(await page.locator("mark.contradicted").first().textContent()).toBe("vicepremier");
    expect(await page.locator("article").textContent()).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("img, script").count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(requests.filter((u) => !u.startsWith("about:") && !u.startsWith("data:"))).toEqual([]);
    const shots = join(packageRoot(), "test-results", "screenshots");
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, "check-report.png"), fullPage: true });
  });
});
