/** One line of the evaluation table. */
export interface Row {
  task: string;
  set: string;
  measure: string;
  value: string;
  /** A published figure or a target to read the value against. */
  note?: string;
}

/** A scorer reads gold data under the shared folder at run time and returns its rows. */
export interface Scorer {
  readonly task: string;
  /** Paths (relative to the shared folder) the scorer needs; it is skipped with a message when one is missing. */
  readonly needs: readonly string[];
  run(shared: string): Promise<Row[]> | Row[];
}

export const pct = (num: number, den: number) => (den === 0 ? "n/a" : `${((100 * num) / den).toFixed(1)}%`);
