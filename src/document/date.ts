/** How much of a published date is known: news metadata often gives only a month. */
export type DatePrecision = "year" | "month" | "day" | "time";

export interface PublishedDate {
  /** ISO 8601, truncated to the precision: "2024", "2024-08", "2024-08-21", "2024-08-21T16:30:00Z". */
  readonly value: string;
  readonly precision: DatePrecision;
}

const PATTERNS: ReadonlyArray<[RegExp, DatePrecision]> = [
  [/^\d{4}$/, "year"],
  [/^\d{4}-\d{2}$/, "month"],
  [/^\d{4}-\d{2}-\d{2}$/, "day"],
  [/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, "time"],
];

/**
 * Parses an ISO date of any precision, checking that month and day exist, so that
 * "2024-02-30" is refused rather than silently rolled over into March.
 */
export function parsePublishedDate(input: string): PublishedDate | undefined {
  const value = input.trim();
  for (const [re, precision] of PATTERNS) {
    if (!re.test(value)) continue;
    const year = Number(value.slice(0, 4));
    const month = precision === "year" ? 1 : Number(value.slice(5, 7));
    const day = precision === "year" || precision === "month" ? 1 : Number(value.slice(8, 10));
    if (month < 1 || month > 12) return undefined;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth) return undefined;
    if (precision === "time" && Number.isNaN(Date.parse(value.replace(" ", "T")))) return undefined;
    return { value: precision === "time" ? value.replace(" ", "T") : value, precision };
  }
  return undefined;
}
