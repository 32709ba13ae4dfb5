import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { fixture, relata } from "./run-cli.js";

const schema = JSON.parse(readFileSync(new URL("../../schema/analysis.v1.json", import.meta.url), "utf8"));
const validate = new Ajv2020({ strict: false }).compile(schema);

type Out = Record<string, unknown> & {
  text: string;
  sentences: { start: number; end: number; text: string }[];
};

function everyAnnotationSlices(out: Out): void {
  for (const [key, value] of Object.entries(out)) {
    if (!Array.isArray(value)) continue;
    for (const a of value as { start: number; end: number; text: string }[]) {
      expect(out.text.slice(a.start, a.end), `${key} ${a.start}-${a.end}`).toBe(a.text);
    }
  }
}

describe("relata analyze", () => {
  it("reads the seed format: date and headline from the first line, text without the date prefix", () => {
    const r = relata(["analyze", fixture("cli", "seed-it.txt"), "--format", "json"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.lang).toBe("it");
    expect(out.date).toBe("2024-08-22");
    expect(out.datePrecision).toBe("day");
    expect(out.title).toBe("Il premier cinese Li Qiang in Bielorussia dopo la visita a Mosca");
    expect(out.text.startsWith("Il premier cinese Li Qiang in Bielorussia")).toBe(true);
    expect(out.text).not.toContain("date 2024");
    // headline + 2 + 2 + 2 sentences; "Sig." and the parenthesis do not split a sentence
    expect(out.sentences).toHaveLength(7);
    for (const key of ["entities", "times", "amounts", "quotes", "events"]) expect(out).toHaveProperty(key);
    everyAnnotationSlices(out);
  });

  it("prints one object per line for JSON Lines input, and keeps unknown fields as metadata", () => {
    const r = relata(["analyze", fixture("cli", "batch", "good.jsonl")]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    const outs = lines.map((l) => JSON.parse(l) as Out);
    expect(outs.map((o) => o.lang)).toEqual(["en", "es", "es"]);
    expect(outs[0]?.metadata).toMatchObject({ section: "world" });
    for (const o of outs) {
      expect(validate(o)).toBe(true);
      everyAnnotationSlices(o);
    }
  });

  it("reads standard input as plain text with the flags' metadata, and prints a summary", () => {
    const r = relata(
      ["analyze", "-", "--format", "text", "--lang", "de", "--date", "2024-08", "--title", "Kursk"],
      "Die Armee meldet Kämpfe. Der Kreml spricht von einer Provokation.",
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("lang de (metadata)");
    expect(r.stdout).toContain("date 2024-08");
    expect(r.stdout).toMatch(/3 sentences/);
  });

  it("exits 1 with a message naming the input when nothing can be analysed", () => {
    const r = relata(["analyze", fixture("cli", "batch", "empty.txt")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/empty\.txt.*empty/);
  });

  it("exits 2 on a usage error", () => {
    const r = relata(["analyze", "x.txt", "--format", "yaml"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/expected one of json, text/);
  });
});
