import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { warcResponse } from "../../src/readers/warc-write.js";
import { fixture, relata } from "../cli/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "relata-formats-"));
const inputs = join(dir, "inputs");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (title: string, sentence: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Home</nav><article><h1>${title}</h1><p>${sentence.repeat(3)}</p></article></body></html>`;

beforeAll(async () => {
  mkdirSync(inputs);
  copyFileSync(fixture("html", "boilerplate.html"), join(inputs, "ferry.html"));
  // Names that do not give the format away: detection is by content.
  copyFileSync(fixture("feeds", "rss-20.xml"), join(inputs, "county.xml"));
  copyFileSync(fixture("feeds", "atom.xml"), join(inputs, "port.data"));
  copyFileSync(fixture("feeds", "malformed.xml"), join(inputs, "broken.xml"));
  const record = (i: number, gzip: boolean) =>
    warcResponse(
      {
        url: `https://archive.example/${i}`,
        html: page(
          `Archived story ${i}`,
          `Story number ${i} tells of a village fête held on the green with ${i} stalls. `,
        ),
        date: "2024-06-10T04:00:00Z",
      },
      gzip,
    );
  const warc = async (ids: number[], gzip: boolean) =>
    Buffer.concat(await Promise.all(ids.map((i) => record(i, gzip))));
  writeFileSync(join(inputs, "crawl.warc.gz"), await warc([1, 2], true));
  writeFileSync(join(inputs, "crawl-plain.bin"), await warc([3, 4], false));
  const cut = await warc([5, 6], true);
  writeFileSync(join(inputs, "cut.warc.gz"), cut.subarray(0, cut.length - 60));
});

describe("relata ingest of a folder mixing HTML, feeds and WARCs", () => {
  it("stores the readable documents and names each damaged input", () => {
    const db = join(dir, "t.db");
    const r = relata(["ingest", inputs, "--db", db]);
    expect(r.status).toBe(0);
    // 1 page + 20 RSS items + 2 Atom entries + 1 item of the broken feed + 4 WARC pages + 1 before the cut.
    expect(r.stdout).toMatch(/29 added, 0 new versions, 0 unchanged, 4 errors/);
    expect(r.stderr).toMatch(/broken\.xml: malformed feed/);
    expect(r.stderr).toMatch(/broken\.xml:item 2: no text and no link/);
    expect(r.stderr).toMatch(/broken\.xml:item 3: unreadable item/);
    expect(r.stderr).toMatch(/cut\.warc\.gz:record 2 \(byte \d+ uncompressed\): truncated/);
    const stats = JSON.parse(relata(["stats", "--db", db, "--format", "json"]).stdout);
    expect(stats.documents).toBe(29);
    expect(stats.byLang).toMatchObject({ en: 27, fr: 2 });
    const hits = JSON.parse(relata(["search", "ferry terminal", "--db", db, "--format", "json"]).stdout);
    expect(hits[0]).toMatchObject({ source: "The Coastal Ledger", date: "2024-03-14T09:30:00+01:00" });
  });
});
