import { describe, expect, it } from "vitest";
import { goldPloverType } from "../../eval/scorers/events-plover.js";
import { defaultOntology } from "../../src/events/ontology.js";

/** The eval's translation of CAMEO codes into the PLOVER 0.5 labels its gold sets use. */
const type = (code: string, mode: "asserted" | "negated" | "planned" = "asserted", foldFight = false) =>
  goldPloverType(defaultOntology().get(code), mode, foldFight);

describe("PLOVER types of the gold sets' version", () => {
  it("renames the 2021 types the gold sets spell the old way", () => {
    expect([type("020"), type("100"), type("090"), type("112"), type("163"), type("190")]).toEqual([
      "DEMAND",
      "DEMAND",
      "INVESTIGATE",
      "DISAPPROVE",
      "SANCTION",
      "FIGHT",
    ]);
    // The Spanish set's ASSAULT covers CAMEO 18–20.
    expect(type("190", "asserted", true)).toBe("ASSAULT");
    expect([type("040"), type("141"), type("154"), type("084"), type("081")]).toEqual([
      "CONSULT",
      "PROTEST",
      "MOBILIZE",
      "RETREAT",
      "CONCEDE",
    ]);
  });

  it("reads an announced action as intent and a refused cooperation as rejection", () => {
    expect(type("070", "planned")).toBe("AGREE");
    expect(type("190", "planned")).toBe("THREATEN");
    expect(type("141", "planned")).toBe("THREATEN");
    expect(type("040", "negated")).toBe("REJECT");
    expect(type("111", "negated")).toBe("DISAPPROVE");
  });

  it("has no type for an unknown code", () => {
    expect(goldPloverType(undefined, "asserted", false)).toBe("");
  });
});
