import type { EventValue } from "../document/layers.js";

/**
 * The main event among a sentence's events: a bare statement (CAMEO root 01) only when nothing else
 * was coded, then the highest confidence (the coder lowers it for a trigger in a subordinate clause
 * and for a noun that is another trigger's object), then the earliest trigger.
 */
export function mainEvent<E extends EventValue & { readonly start: number }>(
  events: readonly E[],
): E | undefined {
  let best: E | undefined;
  const rank = (e: E) => (e.root === "01" ? -1 : 0) + e.confidence;
  for (const e of events) {
    if (
      !best ||
      rank(e) > rank(best) + 1e-9 ||
      (Math.abs(rank(e) - rank(best)) < 1e-9 && e.start < best.start)
    )
      best = e;
  }
  return best;
}
