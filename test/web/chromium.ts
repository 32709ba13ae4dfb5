import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Debian's chromium, driven by playwright-core; never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasBrowser = existsSync(CHROMIUM);

// CI installs Debian's chromium and sets this, so that a missing browser fails instead of skipping.
if (!hasBrowser && process.env.RELATA_REQUIRE_BROWSER) throw new Error(`no browser at ${CHROMIUM}`);
if (!hasBrowser) console.warn(`browser tests skipped: no chromium at ${CHROMIUM} (apt-get install chromium)`);

export function launch(): Promise<Browser> {
  // playwright gives every launch a fresh, empty user-data-dir of its own.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
