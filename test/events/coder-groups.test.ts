import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import { eventLexicon } from "../../src/events/lexicon.js";
import { LangPack } from "../../src/lang/packs.js";

/** Actors that are not KB entities: group nouns, unlinked names with a nationality, borrowed subjects. */
const analyzer = new Analyzer();
const code = (text: string, lang = "en") =>
  analyzer
    .analyze({ text, lang, date: { value: "2024-05-02", precision: "day" } })
    .layer("events")
    .map((e) => `${e.code} ${e.source?.cameo ?? "-"} ${e.target?.cameo ?? "-"}`);

describe("group actors", () => {
  it("codes a group noun standing alone, in every language", () => {
    expect(code("Police arrested dozens of protesters in Paris.")).toContain("173 COP CVL");
    expect(code("La polizia ha arrestato decine di manifestanti a Roma.", "it")).toContain("173 COP CVL");
    expect(code("La police a arrêté des dizaines de manifestants à Lyon.", "fr")).toContain("173 COP CVL");
    expect(code("Die Polizei hat in Hamburg zahlreiche Demonstranten festgenommen.", "de")).toContainEqual(
      expect.stringMatching(/^173 COP /),
    );
  });

  it("gives a group its nationality, before or after it", () => {
    expect(code("Los campesinos bolivianos bloquearon la carretera.", "es")).toContain("144 BOLAGR -");
    expect(code("Les agriculteurs français ont bloqué l'autoroute.", "fr")).toContainEqual(
      expect.stringMatching(/^144 FRAAGR /),
    );
  });

  it("does not read a group noun as a trigger", () => {
    // "manifestantes" shares its stem with "manifestar" (141) but names the actors.
    expect(code("Los manifestantes exigen que el gobierno renuncie.", "es")).toEqual(["100 CVL -"]);
  });
});

describe("unlinked names and borrowed sources", () => {
  it("codes a name the KB lacks by the nationality and title before it", () => {
    expect(code("Serbian President Milan Petrovic criticised Croatia.")).toContain("111 SRBGOV HRV");
  });

  it("gives a subject-less clause the source of the sentence's previous event", () => {
    expect(
      code("Los maestros marcharon por el centro de Lima, para exigir aumentos salariales.", "es"),
    ).toContain("100 LAB -");
  });

  it("continues the previous sentence's source in a sentence with no subject (pro-drop)", () => {
    expect(
      code("I manifestanti si sono radunati davanti al parlamento. Hanno poi bloccato la strada.", "it"),
    ).toEqual(["141 CVL -", "144 CVL -"]);
    // A sentence naming a new subject without an event ends that reach.
    expect(
      code("Los campesinos marcharon. La policía observaba. Luego bloquearon la carretera.", "es"),
    ).toEqual(["141 AGR -"]);
  });

  it("finds a trigger inside an unknown capitalised headline run", () => {
    expect(code("PAISES NORDICOS PIDEN A FRANCIA QUE RENUNCIE A LAS PRUEBAS", "es")).toContain("020 - FRA");
  });

  it("reads the group counted by a quantity as the subject, and never codes an actor as its own target", () => {
    expect(code("Thousands of Iraqi Kurds demonstrated in Erbil for independence from Iraq.")).toEqual([
      "141 IRQ -",
    ]);
    expect(code("Des centaines d'agriculteurs ont bloqué l'autoroute.", "fr")).toContainEqual(
      expect.stringMatching(/^144 AGR /),
    );
  });

  it("reads verb-final order after an auxiliary", () => {
    expect(code("Die Polizei hat zahlreiche Demonstranten festgenommen.", "de")).toContain("173 COP CVL");
  });

  it("lets a non-event phrase hide the trigger inside it", () => {
    // "sin embargo" is "however", not an embargo.
    expect(code("Sin embargo, Francia criticó a Italia.", "es")).toEqual(["111 FRA ITA"]);
  });
});

describe("group cues", () => {
  it("names the file and the word of a group row without a CAMEO code", () => {
    const dir = mkdtempSync(join(tmpdir(), "event-cues-"));
    writeFileSync(join(dir, "event-cues.tsv"), "police\tgroup\n");
    expect(() => eventLexicon(new LangPack("xx", dir))).toThrow(/event-cues\.tsv: group "police" needs/);
  });
});
