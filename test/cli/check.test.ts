import { describe, expect, it } from "vitest";
import { fixture, relata } from "./run-cli.js";

describe("relata check", () => {
  it("prints the report contract with role findings and their evidence", () => {
    const r = relata(["check", fixture("cli", "seed-it.txt"), "--format", "json"]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(["doc", "story", "derivedFrom", "findings"]);
    const premier = report.findings.find((f: { text: string }) => f.text === "premier");
    expect(premier).toMatchObject({ kind: "role", verdict: "corroborated" });
    expect(premier.message).toMatch(/Li Qiang/);
  });

  it("reads a readable report from standard input and fails when nothing can be checked", () => {
    const ok = relata(
      ["check", "-", "--lang", "en", "--date", "2024-08-21"],
      "Chinese Vice Premier Li Qiang met Putin.",
    );
    expect(ok.stdout).toMatch(/\[contradicted\] role "Vice Premier"/);
    expect(relata(["check", fixture("cli", "batch", "empty.txt")]).status).toBe(1);
  });
});
