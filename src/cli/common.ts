import { InvalidArgumentError } from "commander";
import { parsePublishedDate } from "../document/date.js";

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  /** Nothing could be read, analysed or stored. */
  failed: 1,
  /** Wrong flags or arguments (commander's own code for usage errors). */
  usage: 2,
} as const;

export const DEFAULT_DB = "./relata.db";

export function parseFormat<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`expected one of ${allowed.join(", ")}`);
    }
    return value as T;
  };
}

export function parseDateFlag(value: string): string {
  if (!parsePublishedDate(value))
    throw new InvalidArgumentError("expected a date YYYY, YYYY-MM or YYYY-MM-DD");
  return value;
}

export function parseLangFlag(value: string): string {
  if (!/^[a-z]{2,3}$/.test(value))
    throw new InvalidArgumentError("expected an ISO 639-1 code such as it or en");
  return value;
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive whole number");
  return n;
}

/** Errors reach the user as one line naming the problem, never as a stack trace. */
export function reportError(error: unknown): void {
  process.stderr.write(`relata: ${error instanceof Error ? error.message : String(error)}\n`);
}
