/**
 * Dates of facts and articles are ISO strings of any precision ("2024", "2024-08", "2024-08-21").
 * Comparing them as the first and last day they may stand for keeps the checks lenient where the
 * precision is coarse, and exact where both are days.
 */
export function firstDay(date: string): string {
  if (date.length >= 10) return date.slice(0, 10);
  return date.length === 7 ? `${date}-01` : `${date}-01-01`;
}

/** A string that sorts after every day the date may stand for. */
export function lastDay(date: string): string {
  if (date.length >= 10) return date.slice(0, 10);
  return date.length === 7 ? `${date}-99` : `${date}-99-99`;
}

/** Whether a fact over [from, to) (to empty: still true) may hold on the date. */
export function activeOn(from: string, to: string, date: string): boolean {
  if (from && firstDay(from) > lastDay(date)) return false;
  if (!to) return true;
  // A day-precise end is exclusive (the successor takes office that day); a coarse end may be any day in it.
  return to.length >= 10 ? to > firstDay(date) : lastDay(to) >= firstDay(date);
}
