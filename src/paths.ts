import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding relata's package.json, found from this module whether it runs from src or dist. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "lang"))) return dir;
    dir = resolve(dir, "..");
  }
  throw new Error("cannot locate the relata package root (package.json beside lang/)");
}

/** The read-only shared material (evaluation sets, corpus), beside the checkout unless RELATA_SHARED says. */
export function sharedRoot(): string {
  return process.env.RELATA_SHARED ?? resolve(packageRoot(), "..", "shared");
}
