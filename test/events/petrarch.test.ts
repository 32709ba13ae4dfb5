import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeText } from "../../src/events/petrarch/code-text.js";
import { loadPetrarchDictionaries } from "../../src/events/petrarch/load.js";
import {
  parseValidationRecords,
  scoreValidation,
  validationFiles,
} from "../../src/events/petrarch/validation.js";
import { parseVerbDictionary } from "../../src/events/petrarch/verbs.js";
import { sentenceWords } from "../../src/events/petrarch/words.js";
import { fixture, relata } from "../cli/run-cli.js";

const files = {
  verbs: fixture("petrarch", "verbs.txt"),
  actors: [fixture("petrarch", "actors.txt")],
  agents: fixture("petrarch", "agents.txt"),
  discards: fixture("petrarch", "discards.txt"),
};
const dicts = loadPetrarchDictionaries(files);
const triples = (text: string, date: string | null = "2012-01-01") =>
  codeText({ text }, date, dicts).events.map((e) => `${e.source.code} ${e.target.code} ${e.code}`);

describe("PETRARCH dictionaries", () => {
  it("reads verb blocks, irregular and regular forms, multi-word verbs, synsets with plurals", () => {
    const verbs = dicts.verbs;
    expect(verbs.forms.get("MET")?.[0]?.code).toBe("040:040");
    expect(verbs.forms.get("CRITICIZED")?.[0]?.code).toBe("111");
    expect(verbs.forms.get("CONDEMNS")?.[0]?.code).toBe("112");
    expect(verbs.forms.get("RESTORING")).toBeDefined();
    expect(verbs.forms.get("BROKE")?.[0]).toMatchObject({ after: ["OFF"], code: "161" });
    expect(verbs.synsets.get("&MONEY")).toContainEqual(["CROWNS"]);
    // A label ending in _ forms no plurals.
    expect(verbs.synsets.get("&TIEKINDS")).not.toContainEqual(["TRADES"]);
  });

  it("refuses a bad line with its file and line, and skips patterns PETRARCH skips", () => {
    expect(() => parseVerbDictionary("--- X [010] ---\nX\n- X Y [020]\n", "v.txt")).toThrow(
      /v\.txt:3: pattern without the verb marker/,
    );
    expect(() => parseVerbDictionary("- * Y [020]\n", "v.txt")).toThrow(/v\.txt:1: .* before any --- VERB/);
    const lenient = parseVerbDictionary("--- X [010] ---\nX\n- * &NOPE [020]\n- * {A | B} [030]\n", "v.txt");
    expect(lenient.blocks[0]?.patterns).toEqual([]);
    expect(lenient.skipped).toEqual(["v.txt:4: disjunctive set", "v.txt:3: undefined synset &NOPE"]);
  });

  it("fails a load as a whole when one file is bad, naming it", () => {
    const dir = mkdtempSync(join(tmpdir(), "relata-petr-"));
    const bad = join(dir, "bad.actors.txt");
    writeFileSync(bad, "+LOST_SYNONYM\nGOOD_LAND [GDL]\n");
    expect(() => loadPetrarchDictionaries({ ...files, actors: [...files.actors, bad] })).toThrow(
      new RegExp(`${bad}:1: synonym before any actor entry`),
    );
    // A bad date block, or an entry line that cannot be read with its synonyms, is left out and reported.
    writeFileSync(
      bad,
      "GOOD_LAND [GDL]\n\t[GDL 20101301-20111231]\nBROKEN_LAND GDL]\n+BROKEN_ALIAS\nFAIR_LAND [FRL]\n",
    );
    const loaded = loadPetrarchDictionaries({ ...files, actors: [bad] });
    expect(loaded.skipped).toEqual([
      `${bad}:2: bad date "20101301" (expected YYMMDD or YYYYMMDD)`,
      `${bad}:3: cannot read "BROKEN_LAND GDL]" as an actor entry`,
    ]);
    expect(loaded.actors.longest(["BROKEN", "ALIAS"], 0)).toBeUndefined();
    expect(loaded.actors.longest(["FAIR", "LAND"], 0)?.values[0]?.fallback).toEqual(["FRL"]);
    expect(() => loadPetrarchDictionaries({ ...files, agents: join(dir, "missing.txt") })).toThrow(
      /cannot read dictionary .*missing\.txt/,
    );
  });
});

describe("dictionary coder", () => {
  it("codes subject–verb–object with the verb's own code and with patterns", () => {
    expect(triples("Valdoria criticized Kestria on Monday.")).toEqual(["VAL KES 111"]);
    expect(triples("Valdoria heavily criticized Kestria.")).toEqual(["VAL KES 112"]);
    expect(triples("Valdoria will restore cultural ties with Kestria.")).toEqual(["VAL KES 065"]);
    expect(triples("Valdoria gave ten million crowns to Kestria.")).toEqual(["VAL KES 071"]);
    expect(triples("Valdoria broke off talks with Kestria.")).toEqual(["VAL KES 161"]);
  });

  it("lets a blank in a pattern skip words and ties underscored words together", () => {
    expect(triples("Valdoria will restore full cultural ties with Kestria.")).toEqual(["VAL KES 065"]);
    // BREAK_OFF needs OFF right after the verb.
    expect(triples("Valdoria broke quickly off talks with Kestria.")).toEqual([]);
  });

  it("splits Treebank clitics and rejoins hyphenated words", () => {
    const { doc } = codeText(
      { text: "The war-torn anti- Valdoria camp didn't meet Kestria's_envoy." },
      null,
      dicts,
    );
    const [sentence] = doc.layer("sentences");
    if (!sentence) throw new Error("no sentence");
    expect(sentenceWords(doc.text, sentence, doc.layer("tokens")).map((w) => w.w)).toEqual([
      "THE",
      "WAR-TORN",
      "ANTI-",
      "VALDORIA",
      "CAMP",
      "DID",
      "N'T",
      "MEET",
      "KESTRIA",
      "'S",
      "ENVOY",
      ".",
    ]);
    expect(triples("Valdoria's government didn't criticize Kestria.")).toEqual(["VALGOV KES 111"]);
    expect(codeText({ text: "Valdoria didn't criticize Kestria." }, null, dicts).events[0]?.mode).toBe(
      "negated",
    );
  });

  it("reads passives, compounds and paired codes", () => {
    expect(triples("Valdoria met Kestria.")).toEqual(["VAL KES 040", "KES VAL 040"]);
    expect(triples("Kestria was criticized by Valdoria.")).toEqual(["VAL KES 111"]);
    expect(triples("Valdoria met with Kestria and Ormond Fen.")).toEqual(["VAL KES 043", "VAL ORM 043"]);
    expect(triples("Valdoria and Kestria met in the capital.")).toEqual(["VAL KES 044", "KES VAL 044"]);
    // A verb used as a noun after a determiner is no event.
    expect(triples("The meeting of Valdoria and Kestria was short.")).toEqual([]);
  });

  it("composes agents with actors and applies actor date restrictions", () => {
    expect(triples("The Valdorian government condemned Kestria police.")).toEqual(["VALGOV KESCOP 112"]);
    expect(triples("The foreign ministers of Valdoria and Ormond Fen condemned Kestria.")).toEqual([
      "VALGOVFRM KES 112",
      "ORMGOVFRM KES 112",
    ]);
    expect(triples("Mara Tell condemned Valdoria.", "2012-06-01")).toEqual(["KESGOV VAL 112"]);
    expect(triples("Mara Tell condemned Valdoria.", "2017-06-01")).toEqual(["KESELI VAL 112"]);
    expect(triples("Mara Tell condemned Valdoria.", null)).toEqual(["KES VAL 112"]);
    expect(triples("North Lands condemned Valdoria.")).toEqual(["NOR VAL 112", "NLD VAL 112"]);
    // A blank in a dictionary phrase lets noun-phrase words come between; an underscore does not.
    expect(triples("Kestria's brave navy condemned Valdoria.")).toEqual(["KESNAV VAL 112"]);
    expect(triples("Ormond the Fen condemned Valdoria.")).toEqual([]);
  });

  it("drops discarded sentences and stories", () => {
    expect(triples("Valdoria condemned Kestria after the football cup.")).toEqual([]);
    expect(triples("Valdoria condemned Kestria. Your horoscope for today.")).toEqual([]);
  });

  it("scores a validation file from its text only", () => {
    const path = fixture("petrarch", "validation.xml");
    const xml = readFileSync(path, "utf8");
    const records = parseValidationRecords(xml);
    expect(records.map((r) => r.id)).toEqual(["T-01", "T-02", "T-03"]);
    const scores = scoreValidation(records, loadPetrarchDictionaries(validationFiles(xml, path)));
    expect(scores.get("BASIC")).toMatchObject({ expected: 2, found: 2, unexpected: 0 });
    expect(scores.get("OTHER")).toMatchObject({ expected: 0, produced: 0 });
  });
});

describe("relata events", () => {
  const flags = ["--verbs", files.verbs, "--actors", files.actors.join(","), "--agents", files.agents];

  it("codes standard input with dictionaries as EventValue lines and as TSV", () => {
    const json = relata(
      ["events", ...flags, "--date", "2012-01-01"],
      "Valdoria criticized Kestria on Monday.",
    );
    expect(json.status).toBe(0);
    const event = JSON.parse(json.stdout.trim());
    expect(event).toMatchObject({
      code: "111",
      root: "11",
      quad: 3,
      text: "criticized",
      source: { cameo: "VAL", name: "Valdoria" },
      target: { cameo: "KES" },
      date: "2012-01-01",
      sentenceText: "Valdoria criticized Kestria on Monday.",
    });
    const tsv = relata(["events", ...flags, "--format", "tsv"], "Valdoria criticized Kestria.");
    expect(tsv.stdout.split("\n")[1]?.split("\t").slice(1, 7)).toEqual([
      "0",
      "111",
      "VAL",
      "KES",
      "asserted",
      "criticized",
    ]);
  });

  it("codes with relata's own coder without dictionaries, and names a bad dictionary", () => {
    const own = relata(["events", "--format", "tsv"], "Russia criticized Ukraine on Monday.");
    expect(own.status).toBe(0);
    expect(own.stdout).toMatch(/\t11\d\tRUS\tUKR\t/);
    const bad = relata(["events", "--verbs", files.actors[0] ?? "", "--actors", files.actors[0] ?? ""], "x");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/actors\.txt:\d+: /);
    const half = relata(["events", "--verbs", files.verbs], "x");
    expect(half.stderr).toMatch(/needs both --verbs and --actors/);
  });
});
