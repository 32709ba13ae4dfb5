import { describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import { codeEvents } from "../../src/events/coder.js";
import { eventLexicon } from "../../src/events/lexicon.js";
import { defaultOntology } from "../../src/events/ontology.js";
import { mainEvent } from "../../src/events/salience.js";
import { coderInput } from "../../src/stages/events.js";

const analyzer = new Analyzer();
const events = (text: string, lang = "en") => analyzer.analyze({ text, lang }).layer("events");

describe("the main event of a sentence", () => {
  it("prefers a clause's first trigger to its complement", () => {
    const coded = events("Germany demanded the withdrawal of Russian troops from Ukraine.");
    expect(coded.map((e) => e.code)).toContain("087");
    expect(mainEvent(coded)?.code).toBe("100");
  });

  it("prefers the main clause to a subordinate one", () => {
    expect(
      mainEvent(events("After Russia attacked Ukraine, Germany imposed sanctions on Russia."))?.code,
    ).toBe("163");
  });

  it("reads 'X said Y must' as a demand by X", () => {
    const main = mainEvent(events("Syria said Israel must withdraw from the Golan Heights."));
    expect(main).toMatchObject({ code: "100", source: { cameo: "SYR" }, target: { cameo: "ISR" } });
  });

  it("takes a refusal word as negation of the event after it", () => {
    expect(mainEvent(events("Iran declined to meet France."))).toMatchObject({
      code: "040",
      mode: "negated",
    });
  });

  it("returns nothing for no events", () => {
    expect(mainEvent([])).toBeUndefined();
  });
});

describe("unanchored coding", () => {
  it("returns triggers with no actor only when asked", () => {
    const doc = analyzer.analyze({ text: "The talks were long.", lang: "en" });
    const lex = eventLexicon(analyzer.pipeline.resources.packs.get("en"));
    expect(doc.layer("events")).toEqual([]);
    const all = codeEvents(coderInput(doc), lex, defaultOntology(), { unanchored: true });
    expect(all).toEqual([expect.objectContaining({ code: "040", source: null, target: null })]);
  });
});
