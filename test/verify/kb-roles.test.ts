import { describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import { parsePublishedDate } from "../../src/document/date.js";
import { checkDocument } from "../../src/verify/check.js";

const analyzer = new Analyzer();
const check = (text: string, lang: string, date: string) =>
  checkDocument(analyzer.analyze({ text, lang, date: parsePublishedDate(date) }), analyzer.kb).findings;

describe("checkRoles", () => {
  it("contradicts a title the KB does not have for the person on the article date, naming both", () => {
    const text = "A Mosca il vicepremier cinese Li Qiang ha incontrato il presidente russo Vladimir Putin.";
    const findings = check(text, "it", "2024-08");
    const li = findings.find((f) => f.text === "vicepremier");
    expect(li?.verdict).toBe("contradicted");
    expect(li?.kind).toBe("role");
    expect(text.slice(li?.start, li?.end)).toBe("vicepremier");
    expect(li?.message).toMatch(/Li Qiang was Premier of the State Council/);
    expect(li?.message).toMatch(/the deputy heads of government then were .*Ding Xuexiang/);
    expect(li?.evidence).toContainEqual(
      expect.objectContaining({ fact: expect.stringMatching(/2023-03-11/) }),
    );
    expect(findings.find((f) => f.text === "presidente")?.verdict).toBe("corroborated");
    // contradictions come first in the report
    expect(findings[0]?.verdict).toBe("contradicted");
  });

  it("corroborates the same title when the article's date makes it right", () => {
    const findings = check("Chinese Vice Premier Li Keqiang arrived in Moscow on Monday.", "en", "2012-04");
    expect(findings.find((f) => f.text.toLowerCase() === "vice premier")?.verdict).toBe("corroborated");
    const later = check("Chinese Vice Premier Li Keqiang arrived in Moscow on Monday.", "en", "2016-04");
    expect(later.find((f) => f.text.toLowerCase() === "vice premier")?.verdict).toBe("contradicted");
  });

  it("checks nothing without a published date", () => {
    expect(check("Il vicepremier cinese Li Qiang è arrivato a Mosca.", "it", "")).toEqual([]);
  });
});
