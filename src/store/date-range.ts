import { type PublishedDate, parsePublishedDate } from "../document/date.js";

/** The first and last calendar day ("YYYY-MM-DD", inclusive) that a published date may denote. */
export interface DayRange {
  readonly first: string;
  readonly last: string;
}

/**
 * A date of any precision as the days it covers: "2024" is 2024-01-01…2024-12-31, "2024-08" is
 * 2024-08-01…2024-08-31. A time keeps the calendar day it is written in, offset and all, so
 * that filtering never shifts an article into the day before or after the one it states.
 */
export function dayRange(date: PublishedDate): DayRange {
  const checked = parsePublishedDate(date.value);
  if (!checked || checked.precision !== date.precision) {
    throw new RangeError(`invalid published date ${JSON.stringify(date.value)} (${date.precision})`);
  }
  const v = checked.value;
  switch (checked.precision) {
    case "year":
      return { first: `${v}-01-01`, last: `${v}-12-31` };
    case "month": {
      const lastDay = new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5, 7)), 0)).getUTCDate();
      return { first: `${v}-01`, last: `${v}-${String(lastDay).padStart(2, "0")}` };
    }
    case "day":
      return { first: v, last: v };
    case "time":
      return { first: v.slice(0, 10), last: v.slice(0, 10) };
  }
}

/** The days a search bound such as "2024-08" covers; a bound that is not an ISO date is refused. */
export function boundRange(bound: string): DayRange {
  const date = parsePublishedDate(bound);
  if (!date)
    throw new RangeError(`invalid date bound ${JSON.stringify(bound)}: expected YYYY, YYYY-MM or YYYY-MM-DD`);
  return dayRange(date);
}
