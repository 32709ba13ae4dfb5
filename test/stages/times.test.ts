import { describe, expect, it } from "vitest";
import { Document } from "../../src/document/document.js";
import { resolveTimes, timesStage } from "../../src/stages/times.js";
import { annotationAt, fixture, LANGS, packs } from "../fixtures/mentions/doc.js";

/** The expressions of the seed's acceptance, as each rendering words them. */
const EXPECTED: Record<(typeof LANGS)[number], Array<[string, string, string]>> = {
  it: [
    ["due mesi fa", "DATE", "2024-06"],
    ["Lo scorso anno", "DATE", "2023"],
    ["2023", "DATE", "2023"],
    ["2022", "DATE", "2022"],
    ["tra gennaio e luglio di quest'anno", "DATE", "2024-01/2024-07"],
    ["quattro giorni", "DURATION", "P4D"],
  ],
  en: [
    ["two months ago", "DATE", "2024-06"],
    ["Last year", "DATE", "2023"],
    ["2023", "DATE", "2023"],
    ["2022", "DATE", "2022"],
    ["between January and July of this year", "DATE", "2024-01/2024-07"],
    ["four-day", "DURATION", "P4D"],
  ],
  es: [
    ["hace dos meses", "DATE", "2024-06"],
    ["El año pasado", "DATE", "2023"],
    ["2023", "DATE", "2023"],
    ["2022", "DATE", "2022"],
    ["entre enero y julio de este año", "DATE", "2024-01/2024-07"],
    ["cuatro días", "DURATION", "P4D"],
  ],
  fr: [
    ["il y a deux mois", "DATE", "2024-06"],
    ["L'année dernière", "DATE", "2023"],
    ["2023", "DATE", "2023"],
    ["2022", "DATE", "2022"],
    ["entre janvier et juillet de cette année", "DATE", "2024-01/2024-07"],
    ["quatre jours", "DURATION", "P4D"],
  ],
  de: [
    ["vor zwei Monaten", "DATE", "2024-06"],
    ["vergangenen Jahr", "DATE", "2023"],
    ["2023", "DATE", "2023"],
    ["2022", "DATE", "2022"],
    ["zwischen Januar und Juli dieses Jahres", "DATE", "2024-01/2024-07"],
    ["vier Tagen", "DURATION", "P4D"],
  ],
};

describe("times on the acceptance renderings (document dated 2024-08)", () => {
  for (const lang of LANGS) {
    it(`resolves the seed's expressions in ${lang}`, () => {
      const doc = timesStage.run(fixture(lang), { packs });
      for (const [text, type, value] of EXPECTED[lang]) {
        const a = annotationAt(doc, doc.layer("times"), text);
        expect(
          a,
          `${lang}: "${text}" among ${doc.layer("times").map((t) => doc.text.slice(t.start, t.end))}`,
        ).toBeDefined();
        expect({ type: a?.type, value: a?.value, uncertain: a?.uncertain }).toEqual({
          type,
          value,
          uncertain: false,
        });
      }
    });
  }

  it("records the anchor of relative values and none for absolute ones", () => {
    const doc = timesStage.run(fixture("it"), { packs });
    expect(annotationAt(doc, doc.layer("times"), "due mesi fa")?.anchor).toBe("2024-08");
    expect(annotationAt(doc, doc.layer("times"), "2023")?.anchor).toBeNull();
  });
});

function times(lang: string, text: string, date?: string) {
  const precision =
    date === undefined ? undefined : date.length === 7 ? "month" : date.length === 4 ? "year" : "day";
  const published = date && precision ? { value: date, precision } : undefined;
  return resolveTimes(packs.get(lang), text, published as Parameters<typeof resolveTimes>[2]).map((a) => ({
    text: text.slice(a.start, a.end),
    type: a.type,
    value: a.value,
    ...(a.mod ? { mod: a.mod } : {}),
    uncertain: a.uncertain,
  }));
}

const expressionIn = (lang: string, text: string, expression: string, date?: string) =>
  times(lang, text, date).find((t) => t.text === expression);

describe("honest precision", () => {
  it("never invents a day from a month-precision date", () => {
    expect(expressionIn("it", "È successo ieri.", "ieri", "2024-08")).toMatchObject({
      value: "2024-08",
      uncertain: true,
    });
    expect(expressionIn("en", "It happened three weeks ago.", "three weeks ago", "2024-08")).toMatchObject({
      value: "2024-07",
      uncertain: true,
    });
  });

  it("resolves to the day when the date has one", () => {
    expect(expressionIn("it", "È successo ieri.", "ieri", "2024-08-21")?.value).toBe("2024-08-20");
    expect(
      expressionIn("en", "The vote was held three weeks ago.", "three weeks ago", "2024-08-21")?.value,
    ).toBe("2024-W31");
  });

  it("leaves unknown parts as X when the document has no date", () => {
    expect(expressionIn("it", "Il vertice si è tenuto il 5 marzo.", "il 5 marzo")).toMatchObject({
      value: "XXXX-03-05",
      uncertain: true,
    });
    expect(expressionIn("it", "Il vertice si è tenuto nel 2019.", "2019")).toMatchObject({
      value: "2019",
      uncertain: false,
    });
  });
});

describe("news past bias and tense", () => {
  it("puts a year-less date in the past unless the clause speaks of the future", () => {
    expect(
      expressionIn("it", "Il vertice si è tenuto il 5 dicembre.", "il 5 dicembre", "2024-08-21")?.value,
    ).toBe("2023-12-05");
    expect(
      expressionIn("it", "Il vertice si terrà il 5 dicembre.", "il 5 dicembre", "2024-08-21")?.value,
    ).toBe("2024-12-05");
    expect(expressionIn("en", "The summit will open on December 5.", "December 5", "2024-08-21")?.value).toBe(
      "2024-12-05",
    );
  });

  it("keeps a day of the coming week in the current year", () => {
    expect(
      expressionIn(
        "es",
        "La cumbre se celebró del 22 al 24 de octubre.",
        "del 22 al 24 de octubre",
        "2024-10-22",
      )?.value,
    ).toBe("2024-10-22/2024-10-24");
  });

  it("keeps a date of the publication month in that year", () => {
    expect(expressionIn("fr", "Les combats ont repris le 20 août.", "20 août", "2024-08")?.value).toBe(
      "2024-08-20",
    );
  });

  it("resolves a bare weekday to the nearest one consistent with the tense", () => {
    // 2024-08-21 is a Wednesday.
    expect(expressionIn("en", "He spoke on Monday.", "Monday", "2024-08-21")?.value).toBe("2024-08-19");
    expect(expressionIn("en", "He will speak on Monday.", "Monday", "2024-08-21")?.value).toBe("2024-08-26");
    expect(expressionIn("es", "El ministro habló el lunes.", "lunes", "2024-08-21")?.value).toBe(
      "2024-08-19",
    );
  });
});

describe("expressions chrono-node lacks", () => {
  it("reads Spanish relative expressions through the pack parser", () => {
    expect(expressionIn("es", "Ocurrió hace tres semanas.", "hace tres semanas", "2024-08-21")?.value).toBe(
      "2024-W31",
    );
    expect(expressionIn("es", "Llegará la próxima semana.", "la próxima semana", "2024-08-21")?.value).toBe(
      "2024-W35",
    );
    expect(expressionIn("es", "Ocurrió anteayer.", "anteayer", "2024-08-21")?.value).toBe("2024-08-19");
  });

  it("reads relative units in every language", () => {
    expect(
      expressionIn("fr", "C'était il y a deux semaines.", "il y a deux semaines", "2024-08-21")?.value,
    ).toBe("2024-W32");
    expect(expressionIn("de", "Das war vor zwei Wochen.", "vor zwei Wochen", "2024-08-21")?.value).toBe(
      "2024-W32",
    );
    expect(
      expressionIn("it", "Il governo è caduto la settimana scorsa.", "la settimana scorsa", "2024-08-21")
        ?.value,
    ).toBe("2024-W33");
  });

  it("attaches quantity and part-of-period modifiers", () => {
    expect(
      expressionIn("it", "È iniziato più di due settimane fa.", "più di due settimane fa", "2024-08-21"),
    ).toMatchObject({
      value: "2024-W32",
      mod: "MORE_THAN",
    });
    expect(
      expressionIn("de", "Anfang August begann der Vorstoß.", "Anfang August", "2024-08-21"),
    ).toMatchObject({
      value: "2024-08",
      mod: "START",
    });
  });

  it("reads day ranges, durations, sets, decades and seasons", () => {
    expect(
      expressionIn("it", "Il forum si è svolto dal 20 al 23 agosto.", "20 al 23 agosto", "2024-08")?.value,
    ).toBe("2024-08-20/2024-08-23");
    expect(
      expressionIn("es", "Se celebró del 20 al 23 de agosto.", "del 20 al 23 de agosto", "2024-08")?.value,
    ).toBe("2024-08-20/2024-08-23");
    expect(expressionIn("it", "Lo sciopero è durato per tre giorni.", "tre giorni", "2024-08")?.value).toBe(
      "P3D",
    );
    expect(expressionIn("it", "Il vertice si tiene ogni anno.", "ogni anno", "2024-08")).toMatchObject({
      type: "SET",
      value: "P1Y",
    });
    expect(expressionIn("it", "Negli anni Novanta il paese crebbe.", "anni Novanta", "2024-08")?.value).toBe(
      "199",
    );
    expect(expressionIn("en", "Prices fell in the 1990s.", "the 1990s", "2024-08")?.value).toBe("199");
    expect(expressionIn("fr", "Le front a bougé cet été.", "cet été", "2024-08")?.value).toBe("2024-SU");
  });

  it("reads times of day with their date", () => {
    expect(
      expressionIn("de", "Der Angriff begann am 21.08.2024 um 16:30 Uhr.", "21.08.2024 um 16:30 Uhr"),
    ).toMatchObject({
      type: "TIME",
      value: "2024-08-21T16:30",
    });
  });
});

describe("what is not a time", () => {
  it("does not read the region Mezzogiorno as noon", () => {
    expect(times("it", "Gli investimenti nel Mezzogiorno sono cresciuti.", "2024-08")).toEqual([]);
  });

  it("does not read a lower-case modal as the month the pack capitalises", () => {
    expect(times("en", "This may change soon.", "2024-08")).toEqual([]);
  });

  it("does not read counts and percentages as years or clock times", () => {
    expect(times("it", "Sono arrivati 2000 soldati.", "2024-08")).toEqual([]);
    expect(times("de", "Der Handel wuchs um 1,6 %.", "2024-08")).toEqual([]);
    expect(times("fr", "Une hausse de 25 % par rapport à 2022.", "2024-08").map((t) => t.type)).toEqual([
      "DATE",
    ]);
  });

  it("does not read an impossible date", () => {
    expect(
      times("it", "Si sono visti il 31 febbraio.", "2024-08").filter((t) => t.value.includes("-02-31")),
    ).toEqual([]);
  });

  it("writes an empty layer for a language without a pack", () => {
    const doc = Document.create({ text: "2024 2023", lang: "zz" });
    expect(() => timesStage.run(doc, { packs })).not.toThrow();
  });
});
