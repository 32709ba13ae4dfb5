import { describe, expect, it } from "vitest";
import { activeOn } from "../../src/kb/dates.js";
import { fold, nameKey } from "../../src/kb/normalize.js";
import { formatKbRecords, KbFormatError, parseKbText } from "../../src/kb/records.js";

const GOOD = [
  "# comment",
  "entity\tQ1\tperson\tpolitician\tAda Example\tTST\tTSTGOV\tQ1\t\t\t\t",
  "entity\tgn:7\tplace\tcity\tSampleville\tTST\t\t\t7\t45.5\t9.25\t120000",
  "name\tQ1\tit\tname\tAda Esempio|Ada Esèmpio",
  "holds\tQ1\tr:TST.head_of_government\t2019-05-02\t2023\tday\ttest",
  "cameo\tQ1\tTSTGOV\t2019-05-02\t\ttest",
].join("\n");

describe("KB record files", () => {
  it("reads every record kind", () => {
    const r = parseKbText(GOOD, "good.kb.tsv");
    expect(r.entities.map((e) => e.id)).toEqual(["Q1", "gn:7"]);
    expect(r.entities[1]).toMatchObject({ lat: 45.5, lon: 9.25, population: 120000, geonames: 7 });
    expect(r.names.map((n) => n.name)).toEqual(["Ada Esempio", "Ada Esèmpio"]);
    expect(r.holds[0]).toMatchObject({ from: "2019-05-02", to: "2023", precision: "day" });
    expect(r.cameo[0]).toMatchObject({ code: "TSTGOV", to: "" });
  });

  it("writes what it reads, sorted, so rebuilds are byte-identical", () => {
    const r = parseKbText(GOOD, "good.kb.tsv");
    const once = formatKbRecords(r, "header");
    expect(formatKbRecords(parseKbText(once, "again"), "header")).toBe(once);
  });

  it.each([
    ["entity\tQ1\tplanet\tx\tMars\t\t\t\t\t\t\t", "unknown entity type"],
    ["entity\tQ1\tperson\tx\tAda\tTESTLAND\t\t\t\t\t\t", "bad country"],
    ["holds\tQ1\tQ2\t2019-5-2\t\tday\ts", "bad start date"],
    ["holds\tQ1\tQ2\t2020-01-01\t2019-01-01\tday\ts", "before start"],
    ["cameo\tQ1\trusgov\t\t\ts", "bad CAMEO code"],
    ["name\tQ1\tit\tnickname\tAda", "unknown name kind"],
    ["fact\tQ1", "unknown record kind"],
  ])("refuses %j with file:line and the reason", (line, reason) => {
    const text = `# ok\n${GOOD}\n${line}\n`;
    expect(() => parseKbText(text, "bad.kb.tsv")).toThrow(KbFormatError);
    try {
      parseKbText(text, "bad.kb.tsv");
    } catch (error) {
      expect((error as KbFormatError).message).toMatch(new RegExp(`^bad\\.kb\\.tsv:8: .*${reason}`));
    }
  });
});

describe("normalisation and dates", () => {
  it("folds case and accents and splits on non-letters", () => {
    expect(fold("Pékin Straße Łódź")).toBe("pekin strasse lodz");
    expect(nameKey("dell'Ucraina")).toBe("dell ucraina");
    expect(nameKey("U.S.")).toBe("u s");
  });

  it("treats a day-precise end as the first day out of office and coarse dates leniently", () => {
    expect(activeOn("2013-03-15", "2023-03-11", "2023-03-10")).toBe(true);
    expect(activeOn("2013-03-15", "2023-03-11", "2023-03-11")).toBe(false);
    expect(activeOn("2023-03-11", "", "2023-03")).toBe(true);
    expect(activeOn("2020", "2022", "2022-12-31")).toBe(true);
    expect(activeOn("2020", "2022", "2023-01-01")).toBe(false);
    expect(activeOn("2024-06", "", "2024-05-31")).toBe(false);
  });
});
