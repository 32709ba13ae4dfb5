import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { htmlReader, htmlToInit } from "../../src/readers/html.js";
import { htmlToText } from "../../src/readers/html-text.js";
import { detectFormat } from "../../src/readers/index.js";
import { collect, memorySource } from "./helpers.js";

const page = (name: string) => readFileSync(join(import.meta.dirname, "..", "fixtures", "html", name));

describe("htmlReader", () => {
  it("extracts the article of a page with navigation, sidebar, footer and cookie banner", () => {
    const init = htmlToInit(page("boilerplate.html"), "boilerplate.html", {
      url: "https://www.ledger.example/p?id=7",
    });
    const paragraphs = init.text.split("\n\n");
    expect(paragraphs[0]).toBe("Harbour authority approves new ferry terminal");
    expect(paragraphs[1]).toMatch(/^The harbour authority of Port Ellery voted on Wednesday/);
    expect(paragraphs).toHaveLength(5);
    expect(init.text).toContain('"This is the single largest investment in the harbour');
    for (const boilerplate of [
      "cookies",
      "Most read",
      "Lighthouse",
      "All rights reserved",
      "Weather",
      "analytics",
    ]) {
      expect(init.text).not.toContain(boilerplate);
    }
    expect(init.title).toBe("Harbour authority approves new ferry terminal");
    expect(init.date).toEqual({ value: "2024-03-14T09:30:00+01:00", precision: "time" });
    expect(init.source).toBe("The Coastal Ledger");
    expect(init.url).toBe("https://www.ledger.example/news/2024/ferry-terminal");
    expect(init.lang).toBe("en");
    expect(init.metadata).toMatchObject({
      charset: "utf-8",
      dateSource: "meta",
      fetchedUrl: "https://www.ledger.example/p?id=7",
    });
  });

  it("keeps a short brief beside a longer teaser, with the JSON-LD date at day precision and og:locale", () => {
    const init = htmlToInit(page("brief-jsonld.html"), "brief.html");
    expect(init.text).toBe(
      "Chiuso il ponte sul fiume per lavori\n\nIl ponte vecchio resterà chiuso al traffico fino a lunedì per lavori di manutenzione urgenti.\n\nIl comune consiglia di usare la tangenziale nord.",
    );
    expect(init.date).toEqual({ value: "2024-05-02", precision: "day" });
    expect(init.metadata?.dateSource).toBe("json-ld");
    expect(init.lang).toBe("it");
  });

  it("decodes the charset the page declares, and the Content-Type's over it", () => {
    const html = (charset: string) =>
      Buffer.concat([
        Buffer.from(
          `<html><head><meta charset="${charset}"><title>Caf\xe9</title></head><body><p>`,
          "latin1",
        ),
        Buffer.from(
          `Le caf\xe9 du port a rouvert ses portes apr\xe8s deux ans de travaux, annonce la mairie. `.repeat(
            3,
          ),
          "latin1",
        ),
        Buffer.from("</p></body></html>", "latin1"),
      ]);
    const init = htmlToInit(html("windows-1252"), "latin.html");
    expect(init.text).toContain("Le café du port a rouvert ses portes après deux ans");
    expect(init.metadata?.charset).toBe("windows-1252");
    const overridden = htmlToInit(html("utf-8"), "x.html", { contentType: "text/html; charset=ISO-8859-1" });
    expect(overridden.text).toContain("après");
  });

  it("takes a <time datetime> when no other date is given, and the fallback date when none", () => {
    const body = `<p>${"Il mercato coperto riaprirà dopo i lavori di restauro del tetto. ".repeat(4)}</p>`;
    const timed = htmlToInit(
      Buffer.from(
        `<html><body><article><time datetime="2024-02">febbraio</time>${body}</article></body></html>`,
      ),
      "t.html",
    );
    expect(timed.date).toEqual({ value: "2024-02", precision: "month" });
    const fallback = { value: "2024-06-10T04:00:00Z", precision: "time" } as const;
    const captured = htmlToInit(Buffer.from(`<html><body>${body}</body></html>`), "c.html", {
      fallbackDate: fallback,
    });
    expect(captured.date).toEqual(fallback);
    expect(captured.metadata?.dateSource).toBe("capture");
  });

  it("reports a page without readable text as an error naming it", async () => {
    const items = await collect(
      htmlReader.read(
        memorySource(
          "empty.html",
          "<html><head><title></title></head><body><script>x()</script></body></html>",
        ),
        {},
      ),
    );
    expect(items).toHaveLength(1);
    expect(items[0]?.kind === "error" && items[0].error.message).toBe(
      "empty.html: no readable text in the HTML page",
    );
  });

  it("is detected by content whatever the name", () => {
    expect(detectFormat(page("boilerplate.html"), "page.txt")).toBe("html");
    expect(detectFormat(Buffer.from("<!-- saved -->\n<html><body>x</body></html>"), "x")).toBe("html");
    expect(detectFormat(Buffer.from("A plain <b>text</b> mentioning tags."), "x.txt")).toBe("text");
  });
});

describe("htmlToText", () => {
  it("keeps block boundaries as paragraphs and <br> as a line break", () => {
    expect(
      htmlToText("<p>One <b>bold</b>\n word.</p><div>Two<br>lines</div><ul><li>a</li><li>b</li></ul>"),
    ).toBe("One bold word.\n\nTwo\nlines\n\na\n\nb");
    expect(htmlToText("Fish &amp; chips")).toBe("Fish & chips");
  });
});
