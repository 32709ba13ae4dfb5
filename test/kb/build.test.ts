import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sharedRoot } from "../../src/paths.js";

const root = join(import.meta.dirname, "..", "..");
const seeds = join(sharedRoot(), "data", "kb");

describe("scripts/kb-build.ts", () => {
  // The built KB is committed; rebuilding it from the seeds and data/kb-src must give the same bytes.
  it.skipIf(!existsSync(seeds))("regenerates the shipped KB byte for byte", () => {
    const out = mkdtempSync(join(tmpdir(), "relata-kb-build-"));
    try {
      execFileSync(process.execPath, ["--import", "tsx", join(root, "scripts/kb-build.ts"), "--out", out], {
        cwd: root,
        encoding: "utf8",
      });
      const built = readdirSync(out).sort();
      expect(built).toEqual(
        readdirSync(join(root, "data", "kb"))
          .filter((f) => f.endsWith(".kb.tsv"))
          .sort(),
      );
      for (const f of built) {
        expect(
          readFileSync(join(out, f), "utf8") === readFileSync(join(root, "data", "kb", f), "utf8"),
          f,
        ).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
