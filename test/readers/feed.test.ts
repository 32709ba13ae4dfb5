import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { feedReader } from "../../src/readers/feed.js";
import { detectFormat } from "../../src/readers/index.js";
import type { ReadItem } from "../../src/readers/reader.js";
import { collect, memorySource } from "./helpers.js";

const feed = (name: string) => readFileSync(join(import.meta.dirname, "..", "fixtures", "feeds", name));
const read = (name: string) => collect(feedReader.read(memorySource(name, feed(name)), {}));
const docs = (items: ReadItem[]) => items.flatMap((i) => (i.kind === "document" ? [i.init] : []));
const errors = (items: ReadItem[]) => items.flatMap((i) => (i.kind === "error" ? [i.error.message] : []));

describe("feedReader", () => {
  it("makes a document of each of the 20 items of an RSS feed, and marks summary-only items", async () => {
    const items = await read("rss-20.xml");
    expect(errors(items)).toEqual([]);
    const all = docs(items);
    expect(all).toHaveLength(20);
    const first = all[0];
    expect(first?.url).toBe("https://news.example/libraries/1");
    expect(first?.title).toBe("Aldwick council opens new library branch");
    expect(first?.date).toEqual({ value: "2024-06-01T06:01:00Z", precision: "time" });
    // content:encoded wins over the one-line description, its paragraphs kept.
    expect(first?.text.split("\n\n")).toHaveLength(5);
    expect(first?.metadata).toMatchObject({ guid: "lib-1", format: "rss", feedTitle: "County News" });
    expect(first?.metadata?.needsFetch).toBeUndefined();
    const summaries = all.filter((d) => d.metadata?.needsFetch);
    expect(summaries.map((d) => d.url)).toEqual(
      [16, 17, 18, 19, 20].map((i) => `https://news.example/libraries/${i}`),
    );
    expect(summaries[0]?.text).toBe(
      "Penryn council opens new library branch\n\nA new library branch opens in Penryn. Read more",
    );
  });

  it("reads Atom entries: HTML content as text, published before updated, a summary as needsFetch", async () => {
    const [regate, navette] = docs(await read("atom.xml"));
    expect(regate?.url).toBe("https://port.example/regate");
    expect(regate?.date).toEqual({ value: "2024-06-10T07:45:00+02:00", precision: "time" });
    expect(regate?.text.split("\n\n")).toHaveLength(4);
    expect(regate?.text).toContain("rafales de vent annoncées à plus de 80 km/h");
    expect(regate?.metadata?.needsFetch).toBeUndefined();
    expect(navette?.date).toEqual({ value: "2024-06-09", precision: "day" });
    expect(navette?.metadata).toMatchObject({ needsFetch: true, format: "atom" });
  });

  it("reads the well-formed items of a malformed feed and names the bad ones", async () => {
    const items = await read("malformed.xml");
    expect(docs(items).map((d) => d.title)).toEqual(["Water main repaired on Mill Lane"]);
    expect(errors(items)).toEqual([
      expect.stringMatching(/^malformed\.xml: malformed feed \(.+\); reading its items one by one$/),
      "malformed.xml:item 2: no text and no link",
      expect.stringMatching(/^malformed\.xml:item 3: unreadable item/),
    ]);
  });

  it("reads RDF (RSS 1.0) items with their Dublin Core date", async () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://r.example/"><title>R</title></channel><item rdf:about="https://r.example/1"><title>Ferry timetable changes</title><link>https://r.example/1</link><dc:date>2024-06-01</dc:date><description>New summer times.</description></item></rdf:RDF>`;
    const [doc] = docs(await collect(feedReader.read(memorySource("r.rdf", rdf), {})));
    expect(doc).toMatchObject({
      url: "https://r.example/1",
      date: { value: "2024-06-01", precision: "day" },
    });
    expect(doc?.metadata).toMatchObject({ format: "rdf", needsFetch: true });
  });

  it("refuses XML that is no feed, naming the input", async () => {
    const items = await collect(feedReader.read(memorySource("x.xml", "<rss><nothing"), {}));
    expect(errors(items)).toEqual([expect.stringMatching(/^x\.xml: not a readable RSS, Atom or RDF feed/)]);
  });

  it("is detected by content", () => {
    expect(detectFormat(feed("rss-20.xml"), "news")).toBe("feed");
    expect(detectFormat(feed("atom.xml"), "page.html")).toBe("feed");
  });
});
