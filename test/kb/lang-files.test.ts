import { describe, expect, it } from "vitest";
import { nameKey } from "../../src/kb/normalize.js";
import { LangPacks } from "../../src/lang/packs.js";
import { inflect, lexiconOf } from "../../src/stages/entities-lexicon.js";

const packs = new LangPacks();
const LINKING_FILES = ["demonyms.tsv", "demonym-rules.tsv", "titles.tsv", "bodies.tsv", "linking.json"];

describe("language files for linking", () => {
  it("exist in every language folder", () => {
    for (const code of packs.codes)
      for (const f of LINKING_FILES) expect(packs.get(code)?.has(f), `${code}/${f}`).toBe(true);
  });

  it("inflect demonym lemmas by the longest ending rule", () => {
    const it = packs.get("it")?.table("demonym-rules.tsv") ?? [];
    expect(inflect("russo", it)).toEqual(["russo", "russa", "russi", "russe"]);
    expect(inflect("cinese", it)).toEqual(["cinese", "cinesi"]);
    expect(inflect("bielorussisch", packs.get("de")?.table("demonym-rules.tsv") ?? [])).toContain(
      "bielorussischen",
    );
    expect(inflect("francés", packs.get("es")?.table("demonym-rules.tsv") ?? [])).toEqual([
      "francés",
      "francesa",
      "franceses",
      "francesas",
    ]);
  });

  it("map inflected demonyms and titles to countries and office types", () => {
    const words = (s: string) => nameKey(s).split(" ");
    const match = (lang: string, s: string) =>
      lexiconOf(packs.get(lang)).demonyms.match(words(s), 0, 3)?.value;
    expect(match("it", "russe")).toBe("RUS");
    expect(match("es", "rusas")).toBe("RUS");
    expect(match("fr", "chinoises")).toBe("CHN");
    expect(match("de", "russischen")).toBe("RUS");
    expect(match("de", "russen")).toBe("RUS");
    const title = (lang: string, s: string) =>
      lexiconOf(packs.get(lang)).titles.match(words(s), 0, 4)?.value.types;
    expect(title("it", "vicepremier")).toEqual(["deputy_head_of_government"]);
    expect(title("fr", "vice-premier ministre")).toEqual(["deputy_head_of_government"]);
    expect(title("de", "ministerpräsidenten")).toEqual(["head_of_government"]);
  });
});
