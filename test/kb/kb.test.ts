import { describe, expect, it } from "vitest";
import { loadKb } from "../../src/kb/kb.js";
import { nameKey } from "../../src/kb/normalize.js";

const kb = loadKb();
const ids = (key: string) => kb.index.lookup(nameKey(key)).map((e) => e.id);
const holders = (type: string, country: string, date: string) =>
  kb
    .holdersOn(type, country, date)
    .map((id) => kb.entity(id)?.name)
    .sort();

describe("the shipped knowledge base", () => {
  it("answers alias lookups in microseconds", () => {
    const keys = ["li qiang", "mosca", "stati uniti", "vladimir poutine", "kiew"];
    const t0 = performance.now();
    for (let i = 0; i < 200_000; i++) kb.index.lookup(keys[i % keys.length] as string);
    expect((performance.now() - t0) / 200_000).toBeLessThan(0.005);
  });

  it("knows countries by their names in each language", () => {
    for (const name of ["Russia", "Russland", "Russie", "Rusia", "Federazione Russa"])
      expect(ids(name)).toContain("Q159");
    for (const name of ["Stati Uniti", "Vereinigte Staaten", "États-Unis", "Estados Unidos"])
      expect(ids(name)).toContain("Q30");
    expect(kb.entity("Q159")).toMatchObject({ type: "country", country: "RUS", cameo: "RUS" });
  });

  it("knows places with coordinates and curated spellings", () => {
    for (const name of ["Kiev", "Kyiv", "Kiew"]) expect(ids(name)).toContain("gn:703448");
    for (const name of ["Peking", "Pechino", "Pékin"]) expect(ids(name)).toContain("gn:1816670");
    expect(kb.entity("gn:524901")).toMatchObject({ kind: "capital", country: "RUS", geonames: 524901 });
    expect(kb.entity("gn:524901")?.lat).toBeCloseTo(55.75, 1);
    expect(ids("oblast di Kursk")).toContain("gn:RU.41");
  });

  it("knows organisations, groups and government bodies with CAMEO codes", () => {
    expect(kb.entity(ids("NATO")[0] as string)?.cameo).toBe("IGOWSTNAT");
    expect(kb.entity(ids("Occidente")[0] as string)?.cameo).toBe("WST");
    expect(kb.entity(ids("Cremlino")[0] as string)?.cameo).toBe("RUSGOV");
    expect(kb.byKind("foreign_ministry", "CHN")?.cameo).toBe("CHNGOV");
    expect(kb.byKind("armed_forces", "UKR")?.cameo).toBe("UKRMIL");
  });

  it("dates office terms: premiers and vice premiers of China", () => {
    expect(holders("head_of_government", "CHN", "2012-06")).toEqual(["Wen Jiabao"]);
    expect(holders("deputy_head_of_government", "CHN", "2012-06")).toContain("Li Keqiang");
    expect(holders("head_of_government", "CHN", "2016")).toEqual(["Li Keqiang"]);
    expect(holders("head_of_government", "CHN", "2024-08")).toEqual(["Li Qiang"]);
    expect(holders("deputy_head_of_government", "CHN", "2024-08-20")).toEqual([
      "Ding Xuexiang",
      "He Lifeng",
      "Liu Guozhong",
      "Zhang Guoqing",
    ]);
  });

  it("dates office terms: Russia and Belarus", () => {
    expect(holders("head_of_government", "RUS", "2020-01-15")).toEqual(["Dmitry Medvedev"]);
    expect(holders("head_of_government", "RUS", "2020-01-16")).toEqual(["Mikhail Mishustin"]);
    expect(holders("head_of_government", "BLR", "2024-08")).toEqual(["Roman Golovchenko"]);
    expect(holders("head_of_government", "BLR", "2025-05")).toEqual(["Alexander Turchin"]);
    expect(kb.officesOn("Q7747", "2024-08").map((o) => o.office.name)).toEqual(["President of Russia"]);
    expect(kb.officesOn("Q7747", "2010").map((o) => o.office.name)).toEqual(["Prime Minister of Russia"]);
  });

  it("gives CAMEO codes by date", () => {
    expect(kb.cameoOn("Q7747", "2024-08")).toBe("RUSGOV");
    expect(kb.cameoOn("Q4414390", "2024-08")).toBe("CHNGOV");
  });
});
