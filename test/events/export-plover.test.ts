import { describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analysis.js";
import { ploverProblems, ploverRecords } from "../../src/export/plover.js";

describe("PLOVER export", () => {
  it("writes one valid record per event and reads back the same", () => {
    const doc = new Analyzer().analyze({
      text: "Canada imposed sanctions on Russia. Germany will visit Poland on 3 June 2024.",
      lang: "en",
      url: "https://example.org/a",
      date: { value: "2024-05-02", precision: "day" },
    });
    const records = ploverRecords(doc);
    expect(records.length).toBeGreaterThanOrEqual(2);
    const lines = records.map((r) => JSON.stringify(r)).join("\n");
    const back = lines.split("\n").map((l) => JSON.parse(l) as unknown);
    expect(back).toEqual(records);
    for (const r of back) expect(ploverProblems(r)).toEqual([]);
    expect(records[0]).toMatchObject({
      date: "2024-05-02",
      actor: [{ code: "CAN" }],
      recipient: [{ code: "RUS" }],
      event_text: "imposed sanctions",
      cite_info: { document: doc.id, url: "https://example.org/a", sentence: 0 },
    });
    expect(records.find((r) => r.cameo.startsWith("04"))).toMatchObject({
      date: "2024-06-03",
      relata_mode: "planned",
    });
  });

  it("names what is wrong with an invalid record", () => {
    expect(ploverProblems({ id: 1, actor: [], recipient: [] })).toEqual(
      expect.arrayContaining(["id is not a string", "neither actor nor recipient", "cite_info is missing"]),
    );
    expect(ploverProblems("x")).toEqual(["not a JSON object"]);
  });
});
