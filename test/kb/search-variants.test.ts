import { describe, expect, it } from "vitest";
import { loadKb } from "../../src/kb/kb.js";
import { searchVariants } from "../../src/kb/search-variants.js";

describe("searchVariants", () => {
  const kb = loadKb();

  it("adds the names of a place in other languages and scripts", () => {
    const v = searchVariants(kb, "Kursk incursion");
    expect(v.Kursk).toContain("Koursk");
    expect(v.Kursk).toContain("Курск");
    expect(v.incursion).toBeUndefined();
  });

  it("finds the entity whatever accents the user typed", () => {
    expect(searchVariants(kb, "Moscu").Moscu).toEqual(expect.arrayContaining(["Moscow", "Moskau", "Mosca"]));
  });

  it("never offers multi-word names or the word itself", () => {
    for (const list of Object.values(searchVariants(kb, "Kursk Moscow Putin"))) {
      for (const name of list) expect(name).not.toMatch(/\s/);
    }
    expect(searchVariants(kb, "Kursk").Kursk).not.toContain("Kursk");
  });
});

describe("searchVariants on words that are object keys", () => {
  it("treats toString and __proto__ as plain words", () => {
    expect(() => searchVariants(loadKb(), "toString __proto__ constructor")).not.toThrow();
  });
});
