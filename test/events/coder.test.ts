import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import { defaultOntology, loadOntology } from "../../src/events/ontology.js";

const analyzer = new Analyzer();
const code = (text: string, lang = "en") =>
  analyzer
    .analyze({ text, lang, date: { value: "2024-05-02", precision: "day" } })
    .layer("events")
    .map((e) => ({
      code: e.code,
      mode: e.mode,
      source: e.source?.cameo ?? "-",
      target: e.target?.cameo ?? "-",
      date: e.date,
    }));

describe("CAMEO ontology", () => {
  it("holds every root with QuadClass, Goldstein score and PLOVER type", () => {
    const o = defaultOntology();
    for (let r = 1; r <= 20; r++) expect(o.get(String(r).padStart(2, "0"))?.name).toBeTruthy();
    expect(o.get("163")).toMatchObject({
      root: "16",
      quad: 4,
      goldstein: -6.5,
      plover: "COERCE",
      ploverMode: "restrict",
    });
    expect(o.get("161")).toMatchObject({ plover: "SANCTION", ploverContext: "diplomatic" });
    expect(o.get("040")).toMatchObject({ quad: 1, plover: "CONSULT" });
    // An unlisted four-digit code falls back to its parent.
    expect(o.get("0409")?.code).toBe("040");
  });

  it("names the file and the row of a bad table", () => {
    const dir = mkdtempSync(join(tmpdir(), "ontology-"));
    writeFileSync(join(dir, "cameo-plover.tsv"), "");
    writeFileSync(join(dir, "cameo.tsv"), "040\t04\t9\tx\tConsult\n");
    expect(() => loadOntology(dir)).toThrow(/cameo\.tsv.*"040/);
    expect(() => loadOntology(join(dir, "missing"))).toThrow(/cannot read ontology table/);
  });
});

describe("event coder syntax", () => {
  it("reads the agent of a passive as the source", () => {
    expect(code("Ukraine was attacked by Russia.")).toContainEqual(
      expect.objectContaining({ source: "RUS", target: "UKR" }),
    );
  });

  it("codes a negated and a planned event", () => {
    expect(code("France did not condemn Israel.")[0]).toMatchObject({ code: "111", mode: "negated" });
    expect(code("Germany will visit Poland next week.")[0]).toMatchObject({ code: "042", mode: "planned" });
    expect(code("L'Italia visiterà la Grecia.", "it")[0]).toMatchObject({ mode: "planned" });
  });

  it("gives coordinated actors one event per pair", () => {
    const events = code("Russia and China agreed to expand trade.");
    expect(events).toContainEqual(expect.objectContaining({ code: "030", source: "RUS", target: "CHN" }));
  });

  it("takes a noun's own modifier as its source, not the clause subject", () => {
    const events = code("Moscow faces the Ukrainian incursion.");
    expect(events[0]).toMatchObject({ code: "190", source: "UKR" });
    expect(code("Britain condemned the Russian invasion of Ukraine.")).toContainEqual(
      expect.objectContaining({ code: "192", source: "RUS", target: "UKR" }),
    );
  });

  it("dates an event by the sentence's date, else the publication date", () => {
    expect(code("Canada imposed sanctions on Russia on 3 March 2024.")[0]?.date).toBe("2024-03-03");
    expect(code("Canada imposed sanctions on Russia.")[0]?.date).toBe("2024-05-02");
  });

  it("codes nothing without a trigger or without an actor", () => {
    expect(code("Russia and China are large countries.")).toEqual([]);
    expect(code("The talks were long.")).toEqual([]);
  });
});
