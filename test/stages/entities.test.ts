import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePublishedDate } from "../../src/document/date.js";
import { Document } from "../../src/document/document.js";
import { loadKb } from "../../src/kb/kb.js";
import { LangPacks } from "../../src/lang/packs.js";
import { entitiesStage } from "../../src/stages/entities.js";

const resources = { packs: new LangPacks(), kb: loadKb() };

/** The stage reads sentences; these tests make them with a plain splitter so they do not depend on segmentation. */
function analyse(text: string, lang: string, date: string) {
  const sentences = [...text.matchAll(/[^.!?\n]+[.!?]*/g)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
    paragraph: 0,
  }));
  const doc = Document.create({ text, lang, date: parsePublishedDate(date) }).withLayer(
    "sentences",
    sentences,
  );
  const out = entitiesStage.run(doc, resources);
  const entities = out.layer("entities").map((e) => ({ ...e, text: text.slice(e.start, e.end) }));
  const roles = out.layer("roles").map((r) => ({ ...r, text: text.slice(r.start, r.end) }));
  return { entities, roles };
}

const seed = (lang: string) =>
  analyse(
    readFileSync(join(import.meta.dirname, "..", "fixtures", "kb", "seed", `${lang}.txt`), "utf8"),
    lang,
    "2024-08-20",
  );

describe("entities on the seed story, written in five languages", () => {
  it.each(["it", "en", "es", "fr", "de"])("%s: links the people, places, bodies and groups", (lang) => {
    const { entities } = seed(lang);
    const linked = new Set(entities.map((e) => e.kbId));
    for (const id of [
      "Q7747", // Vladimir Putin
      "Q4414390", // Li Qiang
      "Q15031", // Xi Jinping
      "Q4298520", // Mikhail Mishustin
      "Q27043179", // Roman Golovchenko
      "Q159", // Russia
      "Q212", // Ukraine
      "Q184", // Belarus
      "Q30", // United States
      "r:gov.kremlin",
      "r:CHN.foreign_ministry",
      "r:RUS.state_media",
      "r:region.europe",
      "r:group.west",
      "gn:RU.41", // Kursk region
      "r:CHN.government", // "Beijing criticises": the capital standing for the government
    ])
      expect(linked, `${lang} ${id}`).toContain(id);
    expect(
      entities.some((e) => e.kbId === "gn:524901" || e.metonymOf === "gn:524901"),
      "Moscow",
    ).toBe(true);
    const putin = entities.find((e) => e.kbId === "Q7747");
    expect(putin).toMatchObject({ office: "President of Russia", cameo: "RUSGOV", country: "RUS" });
    // Every "Li" is Li Qiang, the premier in August 2024.
    const lis = entities.filter((e) => e.text === "Li");
    expect(lis.length).toBeGreaterThan(1);
    for (const li of lis)
      expect(li).toMatchObject({ kbId: "Q4414390", office: "Premier of the State Council of China" });
    expect(entities.find((e) => e.kbId === "Q27043179")?.office).toBe("Prime Minister of Belarus");
    expect(entities.find((e) => e.kbId === "r:group.west")?.cameo).toBe("WST");
  });

  it("records the title the article gives Li, and that the KB does not give it to him", () => {
    const { entities, roles } = seed("it");
    const role = roles.find((r) => r.text === "vicepremier");
    expect(role).toMatchObject({
      kbId: "Q4414390",
      officeTypes: ["deputy_head_of_government"],
      country: "CHN",
      matchesKb: false,
    });
    expect(entities[role?.entity ?? -1]?.text).toBe("Li");
    const mishustin = roles.find((r) => r.kbId === "Q4298520");
    expect(mishustin).toMatchObject({ text: "premier", country: "RUS", matchesKb: true });
  });
});

describe("date-aware disambiguation", () => {
  const premierLi = (date: string, lang = "en") =>
    analyse(
      lang === "en" ? "Chinese Premier Li arrived in Moscow." : "Il premier cinese Li è arrivato a Mosca.",
      lang,
      date,
    ).entities.find((e) => e.text === "Li");

  it("Premier Li is Li Keqiang, then vice premier, in 2012", () => {
    expect(premierLi("2012-06-01")).toMatchObject({
      kbId: "Q18111",
      office: "Vice Premier of the State Council of China",
    });
  });

  it("Premier Li is Li Keqiang, premier, in 2016", () => {
    expect(premierLi("2016-05", "it")).toMatchObject({
      kbId: "Q18111",
      office: "Premier of the State Council of China",
    });
  });

  it("Premier Li is Li Qiang in 2024", () => {
    expect(premierLi("2024-08")).toMatchObject({
      kbId: "Q4414390",
      office: "Premier of the State Council of China",
    });
  });

  it("an earlier full name decides later short mentions", () => {
    const { entities } = analyse("Li Keqiang gave a speech. Later, Li met students.", "en", "2024-02");
    expect(entities.filter((e) => e.text.startsWith("Li")).map((e) => e.kbId)).toEqual(["Q18111", "Q18111"]);
  });
});

describe("recognition rules", () => {
  it("matches case-aware: an Italian verb is not NATO, a lower-case adjective is not a country", () => {
    const { entities } = analyse("Il bambino è nato a Roma. La Nato si riunisce.", "it", "2024-01");
    expect(entities.map((e) => e.text)).toEqual(["Roma", "Nato"]);
  });

  it("prefers the longest name", () => {
    const { entities } = analyse("Gli Stati Uniti e la Corea del Sud hanno firmato.", "it", "2024-01");
    expect(entities.map((e) => [e.text, e.kbId])).toEqual([
      ["Stati Uniti", "Q30"],
      ["Corea del Sud", "Q884"],
    ]);
  });

  it("reads a capital as its government when it acts, as a place after a preposition", () => {
    const { entities } = analyse(
      "Washington warned Beijing. The talks were held in Washington.",
      "en",
      "2024-01",
    );
    expect(entities.map((e) => [e.text, e.kbId])).toEqual([
      ["Washington", "r:USA.government"],
      ["Beijing", "r:CHN.government"],
      ["Washington", "gn:4140963"],
    ]);
  });

  it("keeps unknown names as lower-confidence candidates, typed by their context", () => {
    const { entities, roles } = analyse(
      "The Ukrainian Defence Minister Ivan Zorkovenko met Mr Hollis at the Bramfield Institute.",
      "en",
      "2024-01",
    );
    const byText = Object.fromEntries(entities.map((e) => [e.text, e]));
    expect(byText["Ivan Zorkovenko"]).toMatchObject({
      type: "person",
      kbId: "",
      country: "UKR",
      cameo: "UKRGOVMIL",
    });
    expect(byText.Hollis).toMatchObject({ type: "person", kbId: "" });
    expect(byText["Bramfield Institute"]).toMatchObject({ type: "organisation", kbId: "" });
    for (const e of Object.values(byText)) expect(e.confidence).toBeLessThan(0.7);
    expect(roles.map((r) => r.text)).toEqual(["Defence Minister"]);
  });

  it("gives no person a title that names another country than theirs", () => {
    const { entities, roles } = analyse(
      "Après le Premier ministre indien, Poutine doit rencontrer le président chinois, Xi Jinping.",
      "fr",
      "2024-10-22",
    );
    expect(entities.find((e) => e.text === "Poutine")?.kbId).toBe("Q7747");
    expect(roles.map((r) => [r.text, r.kbId])).toEqual([["président", "Q15031"]]);
  });

  it("keeps demonyms no title or body took as adjective mentions of their country or group", () => {
    const { entities } = analyse(
      "L'economia statunitense rallenta e i paesi occidentali impongono sanzioni.",
      "it",
      "2024-01",
    );
    expect(entities.map((e) => [e.text, e.kbId, e.cameo, e.adjective])).toEqual([
      ["statunitense", "Q30", "USA", true],
      ["occidentali", "r:group.west", "WST", true],
    ]);
  });

  it("reads a German genitive ending on names", () => {
    const { entities } = analyse("Russlands Präsident Wladimir Putins Berater sprach.", "de", "2024-01");
    expect(entities.map((e) => e.kbId)).toEqual(["Q159", "Q7747"]);
  });

  it("links government bodies with a demonym on either side, and coordinated demonyms", () => {
    const { entities } = analyse(
      "Chinese and Russian state media reported it. Il governo tedesco tace.",
      "en",
      "2024-01",
    );
    expect(entities.map((e) => e.kbId)).toEqual(["r:CHN.state_media", "r:RUS.state_media"]);
    const it = analyse("Il governo tedesco tace.", "it", "2024-01").entities;
    expect(it.map((e) => [e.text, e.kbId])).toEqual([["governo tedesco", "r:DEU.government"]]);
  });
});
