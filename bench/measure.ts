import { fileURLToPath } from "node:url";

/** The value at quantile q (0..1) of a list of numbers. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** p50, p95 and p99 of latencies in ms, rounded to 0.01 ms. */
export function percentiles(ms: readonly number[]): { p50: number; p95: number; p99: number } {
  const r = (x: number) => Math.round(x * 100) / 100;
  return { p50: r(quantile(ms, 0.5)), p95: r(quantile(ms, 0.95)), p99: r(quantile(ms, 0.99)) };
}

/** Latencies of `runs` calls of `fn`, in ms. */
export function latencies(runs: number, fn: (i: number) => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * CPU seconds this process spent (user + system) while `fn` ran: on a machine shared with other
 * work, per-core throughput is work per CPU second, which waiting for a core does not inflate.
 */
export async function cpuSeconds<T>(
  fn: () => T | Promise<T>,
): Promise<{ value: T; cpu: number; wall: number }> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await fn();
  const used = process.cpuUsage(c);
  return { value, cpu: (used.user + used.system) / 1e6, wall: (performance.now() - t) / 1000 };
}

/** A script beside this module, with the node arguments to run it (tsx when run from sources). */
export function sibling(name: string): string[] {
  const here = fileURLToPath(import.meta.url);
  const ts = here.endsWith(".ts");
  const path = fileURLToPath(new URL(`./${name}.${ts ? "ts" : "js"}`, import.meta.url));
  return ts ? ["--import", "tsx", path] : [path];
}
