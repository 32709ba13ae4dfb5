import { describe, expect, it } from "vitest";
import type { Document } from "../../src/document/document.js";
import { quotesStage } from "../../src/stages/quotes.js";
import { findQuoted } from "../../src/stages/quotes-marks.js";
import { fixture, LANGS, packs, seedDocument, withEntities } from "../fixtures/mentions/doc.js";

/** Per rendering: the partial quote, the start of the direct one, and how each names the state media. */
const RENDERINGS: Record<
  (typeof LANGS)[number],
  { partial: string; direct: string; chinese: string; russian: string }
> = {
  it: {
    partial: "crescita a pieno ritmo",
    direct: "Date queste circostanze",
    chinese: "media di stato cinesi",
    russian: "media di stato russi",
  },
  en: {
    partial: "full-speed growth",
    direct: "Given these circumstances",
    chinese: "Chinese state media",
    russian: "Russian state media",
  },
  es: {
    partial: "crecimiento a pleno ritmo",
    direct: "Dadas estas circunstancias",
    chinese: "medios estatales chinos",
    russian: "medios estatales rusos",
  },
  fr: {
    partial: "croissance à plein régime",
    direct: "Compte tenu de ces circonstances",
    chinese: "médias d'État chinois",
    russian: "médias d'État russes",
  },
  de: {
    partial: "Wachstum auf vollen Touren",
    direct: "Angesichts dieser Umstände",
    chinese: "chinesische Staatsmedien",
    russian: "russischen Staatsmedien",
  },
};

/** The entity layer the entity stage would give: people linked to the KB, state media as organisations. */
function linked(lang: (typeof LANGS)[number]): Document {
  const r = RENDERINGS[lang];
  const doc = fixture(lang);
  return withEntities(doc, [
    { surface: "Li", name: "Li Qiang", kbId: "Q_LI_QIANG", type: "person" },
    {
      surface: doc.text.includes("Poutine") ? "Poutine" : "Putin",
      name: "Vladimir Putin",
      kbId: "Q_PUTIN",
      type: "person",
    },
    { surface: "Xi", name: "Xi Jinping", kbId: "Q_XI", type: "person" },
    { surface: r.chinese, name: "Chinese state media", kbId: "r:CHN.state_media", type: "organisation" },
    { surface: r.russian, name: "Russian state media", kbId: "r:RUS.state_media", type: "organisation" },
  ]);
}

const quoteStarting = (doc: Document, words: string) =>
  doc.layer("quotes").find((q) => doc.text.slice(q.start, q.end).startsWith(words));

describe("quotes on the acceptance renderings", () => {
  for (const lang of LANGS) {
    it(`attributes both quotes to Li with the state media that relayed them in ${lang}`, () => {
      const r = RENDERINGS[lang];
      const doc = quotesStage.run(linked(lang), { packs });
      const partial = quoteStarting(doc, r.partial);
      expect(partial).toMatchObject({ kind: "partial", speaker: { name: "Li Qiang", kbId: "Q_LI_QIANG" } });
      expect(partial?.via).toMatchObject({ name: "Chinese state media", kbId: "r:CHN.state_media" });
      const direct = quoteStarting(doc, r.direct);
      expect(direct).toMatchObject({ kind: "direct", speaker: { name: "Li Qiang" } });
      expect(direct?.via).toMatchObject({ name: "Russian state media", kbId: "r:RUS.state_media" });
      expect(direct?.cue).not.toBeNull();
    });

    it(`falls back to capitalised names and described sources without entities in ${lang}`, () => {
      const r = RENDERINGS[lang];
      const doc = quotesStage.run(fixture(lang), { packs });
      const direct = quoteStarting(doc, r.direct);
      expect(direct?.speaker?.name).toBe("Li");
      expect(direct?.speaker?.confidence).toBeLessThan(0.5);
      expect(direct?.via?.name).toContain(r.russian);
      expect(quoteStarting(doc, r.partial)?.speaker?.name).toBe("Li");
    });
  }
});

const quotes = (lang: string, text: string) => {
  const doc = quotesStage.run(seedDocument(lang, `date 2024-08-21 Titolo\n\n${text}`), { packs });
  return doc.layer("quotes").map((q) => ({
    text: doc.text.slice(q.start, q.end),
    kind: q.kind,
    speaker: q.speaker?.name,
    cue: q.cue?.verb,
    via: q.via?.name,
  }));
};

describe("reported speech", () => {
  it("reads indirect speech after a reporting verb and a complementiser", () => {
    expect(
      quotes("it", "Putin ha dichiarato che la cooperazione continuerà, come riferito dal Cremlino."),
    ).toEqual([
      {
        text: "la cooperazione continuerà",
        kind: "indirect",
        speaker: "Putin",
        cue: "dichiarato",
        via: "Cremlino",
      },
    ]);
    expect(quotes("de", "Scholz sagte, dass die Gespräche weitergehen.")[0]).toMatchObject({
      text: "die Gespräche weitergehen",
      kind: "indirect",
      speaker: "Scholz",
    });
    expect(quotes("fr", "Macron a déclaré que la France restera engagée.")[0]).toMatchObject({
      kind: "indirect",
      speaker: "Macron",
      cue: "déclaré",
    });
  });

  it("reads a trailing attribution and a speaker the article only describes", () => {
    expect(quotes("en", "The talks have failed, the spokesman said.")).toEqual([
      {
        text: "The talks have failed",
        kind: "indirect",
        speaker: "the spokesman",
        cue: "said",
        via: undefined,
      },
    ]);
  });

  it("reads dialogue dashes and inverted attribution", () => {
    expect(quotes("es", "—Vamos a ganar esta guerra —dijo Zelenski.")[0]).toMatchObject({
      text: "Vamos a ganar esta guerra",
      kind: "direct",
      speaker: "Zelenski",
      cue: "dijo",
    });
  });

  it("takes a speaker after a via phrase when it is a person, not a medium", () => {
    const doc = withEntities(
      seedDocument(
        "es",
        "date 2024-08-21 Titular\n\nSegún el ministro Lavrov, «las negociaciones siguen abiertas».",
      ),
      [{ surface: "Lavrov", name: "Sergey Lavrov", kbId: "Q_LAVROV", type: "person" }],
    );
    const q = quotesStage.run(doc, { packs }).layer("quotes")[0];
    expect(q).toMatchObject({ speaker: { name: "Sergey Lavrov" }, via: null });
  });

  it("keeps a name the entity stage did not annotate as a speaker", () => {
    const doc = withEntities(
      seedDocument("en", "date 2024-08-21 Title\n\nGuterres warned that the war in Ukraine could spread."),
      [{ surface: "Ukraine", name: "Ukraine", kbId: "Q212", type: "country" }],
    );
    expect(quotesStage.run(doc, { packs }).layer("quotes")[0]?.speaker?.name).toBe("Guterres");
  });

  it("takes a clause without complementiser only where the language allows it", () => {
    expect(quotes("en", "Sanchez said the government would recognise Palestine.")[0]).toMatchObject({
      text: "the government would recognise Palestine",
      speaker: "Sanchez",
    });
    expect(quotes("it", "Il resoconto del ministero non ha menzionato il conflitto in corso.")).toEqual([]);
  });

  it("resolves a pronoun to the last person before it", () => {
    const text = "Sánchez se reunió con los sindicatos. «Habrá acuerdo», dijo él.";
    expect(quotes("es", text)[0]).toMatchObject({ text: "Habrá acuerdo", speaker: "Sánchez" });
  });
});

describe("quotation marks", () => {
  const pairs = [
    ["«", "»"],
    ["“", "”"],
    ['"', '"'],
    ["„", "“"],
    ["‘", "’"],
  ] as const;
  const inner = (text: string) => findQuoted(text, pairs).map((q) => text.slice(q.inner.start, q.inner.end));

  it("pairs each kind of mark and ignores apostrophes", () => {
    expect(inner("Ha detto «basta» e “ancora”, poi „genug“.")).toEqual(["basta", "ancora", "genug"]);
    expect(inner("l’Ucraina e l’Europa, ‘quoted’")).toEqual(["quoted"]);
  });

  it("leaves unbalanced marks alone", () => {
    expect(inner('Ha detto «basta e poi "ancora.')).toEqual([]);
  });
});
