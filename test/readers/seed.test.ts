import { describe, expect, it } from "vitest";
import { fileSource } from "../../src/readers/input.js";
import type { InputSource, ReadOptions } from "../../src/readers/reader.js";
import { seedReader } from "../../src/readers/seed.js";
import { fixture, memorySource, readOne } from "./helpers.js";

async function document(source: InputSource, options: ReadOptions = {}) {
  const item = await readOne(seedReader, source, options);
  if (item.kind !== "document") throw item.error;
  return item;
}

async function failure(content: string, name = "bad.txt"): Promise<string> {
  const item = await readOne(seedReader, memorySource(name, content));
  if (item.kind !== "error") throw new Error("expected an error item");
  return item.error.message;
}

describe("seed reader", () => {
  it("takes date and headline from the first line and keeps the paragraphs, without the date prefix", async () => {
    const path = fixture("seed", "olimpiadi-parigi.it.txt");
    const { init, where } = await document(fileSource(path));
    expect(where).toBe(path);
    expect(init.date).toEqual({ value: "2024-07-26", precision: "day" });
    expect(init.title).toBe("Parigi apre i Giochi sulla Senna, sotto la pioggia");
    expect(init.text).toBe(
      [
        "Parigi apre i Giochi sulla Senna, sotto la pioggia",
        "Per la prima volta nella storia olimpica la cerimonia di apertura non si è svolta in uno stadio: " +
          "venerdì sera le delegazioni hanno sfilato in barca lungo la Senna, dal ponte di Austerlitz fino al Trocadéro.",
        // a paragraph's own line breaks are kept; two blank lines before it count as one
        "Migliaia di atleti hanno percorso circa sei chilometri sul fiume\n" +
          "davanti a centinaia di migliaia di spettatori, nonostante la pioggia.",
        "La serata si è chiusa con Céline Dion, che ha cantato dalla Torre Eiffel, " +
          "e con l'accensione del braciere nel giardino delle Tuileries.",
      ].join("\n\n"),
    );
    expect(init.metadata).toEqual({ charset: "utf-8" });
    expect(init.lang).toBeUndefined();
  });

  it("applies --lang and --url but not --date or --title", async () => {
    const source = fileSource(fixture("seed", "olimpiadi-parigi.it.txt"));
    const { init } = await document(source, {
      lang: "it",
      url: "https://example.org/parigi",
      date: "2020-01-01",
      title: "Altro titolo",
    });
    expect(init).toMatchObject({
      lang: "it",
      url: "https://example.org/parigi",
      date: { value: "2024-07-26" },
    });
    expect(init.title).toBe("Parigi apre i Giochi sulla Senna, sotto la pioggia");
  });

  it("reads a UTF-8 file with a BOM and CRLF line ends", async () => {
    const { init } = await document(fileSource(fixture("seed", "notre-dame.fr.txt")));
    expect(init.title).toBe("Notre-Dame de Paris rouvre ses portes cinq ans après l'incendie");
    expect(init.text).not.toMatch(/[\r\uFEFF]/);
    expect(init.text.split("\n\n")).toHaveLength(3);
    expect(init.date).toEqual({ value: "2024-12-07", precision: "day" });
  });

  it("reads a UTF-16 file and a month-precision date", async () => {
    const { init } = await document(fileSource(fixture("seed", "dana-valencia.es.txt")));
    expect(init.date).toEqual({ value: "2024-11", precision: "month" });
    expect(init.title).toBe("La DANA deja más de doscientos muertos en la provincia de Valencia");
    expect(init.metadata).toEqual({ charset: "utf-16le" });
  });

  it("tolerates a missing blank line after the headline and a headline alone", async () => {
    const joined = await document(
      memorySource("s.txt", "date 2024-10 Kazan\nPrimo paragrafo.\n\nSecondo.\n"),
    );
    expect(joined.init.text).toBe("Kazan\n\nPrimo paragrafo.\n\nSecondo.");
    const alone = await document(memorySource("s.txt", "  date 2024-10-22 Kazan  \n\n"));
    expect(alone.init).toMatchObject({ title: "Kazan", text: "Kazan" });
  });

  it("refuses an invalid date, naming the file and line 1", async () => {
    expect(await failure("date 2024-13 Un mese che non esiste\n\nCorpo.", "mese.txt")).toBe(
      'mese.txt:1: invalid date "2024-13"',
    );
    expect(await failure("date 2024-02-30 Trenta febbraio\n\nCorpo.")).toBe(
      'bad.txt:1: invalid date "2024-02-30"',
    );
    expect(await failure("date 2024-08-21T10:00 Con l'ora\n\nCorpo.")).toMatch(
      /invalid date "2024-08-21T10:00"/,
    );
  });

  it("refuses, when forced, a file whose first line is not a date line", async () => {
    expect(await failure("\n\nNo date here\n\nBody.")).toBe(
      'bad.txt:3: expected "date YYYY-MM[-DD] headline" on the first line',
    );
    expect(await failure("")).toBe("bad.txt: empty input");
  });

  it("sniffs the first non-blank line", () => {
    const sniff = (s: string) => seedReader.sniff(Buffer.from(s), "x.txt");
    expect(sniff(" date 2024-08 Il leader russo a Kursk\n\nCorpo")).toBe(true);
    expect(sniff("\n\ndate 2024-08-21 Titolo")).toBe(true);
    expect(sniff("date 2024 Solo l'anno")).toBe(false);
    expect(sniff("date: 2024-08-21 Titolo")).toBe(false);
    expect(sniff("date 2024-08-21")).toBe(false);
    expect(sniff("Il leader russo, date 2024-08-21 Titolo")).toBe(false);
  });
});
