import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ftsQuery } from "../../src/store/sqlite/fts-query.js";
import { openSqliteStore } from "../../src/store/sqlite/index.js";
import { ARTICLES, analysed } from "./articles.js";

describe("ftsQuery", () => {
  it("quotes every term and ANDs them", () => {
    expect(ftsQuery("Moscú  presidente")).toBe('"Moscú" AND "presidente"');
    expect(ftsQuery('say "hi" -x')).toBe('"say" AND """hi""" AND "-x"');
    expect(ftsQuery("title:Kursk NEAR(a b) OR*")).toBe('"title:Kursk" AND "NEAR(a" AND "b)" AND "OR*"');
  });

  it("drops terms without a letter or digit and control characters", () => {
    expect(ftsQuery("Kursk - ( * \" '")).toBe('"Kursk"');
    expect(ftsQuery("a\u0000b")).toBe('"a" AND "b"');
    expect(ftsQuery(" -- ")).toBeUndefined();
    expect(ftsQuery("")).toBeUndefined();
  });

  it("never makes a query that SQLite refuses, whatever the input", () => {
    const store = openSqliteStore(":memory:");
    store.putMany(Object.values(ARTICLES).map(analysed));
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        store.search({ text });
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('"', "-", ":", "*", "(", ")", "^", "+", "NEAR", "OR", "Kursk", " ")),
        (parts) => {
          store.search({ text: parts.join("") });
        },
      ),
      { numRuns: 2000 },
    );
    store.close();
  });
});

describe("ftsQuery with variants", () => {
  it("lets a term match any of its variants, still quoted", () => {
    expect(ftsQuery("Kursk Putin", { Kursk: ["Koursk", "Курск"] })).toBe(
      '("Kursk" OR "Koursk" OR "Курск") AND "Putin"',
    );
    expect(ftsQuery("Kursk", { Kursk: ['Ko"ursk', "", "\u0000"] })).toBe('("Kursk" OR "Ko""ursk")');
  });
});
