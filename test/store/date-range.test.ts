import { describe, expect, it } from "vitest";
import { boundRange, dayRange } from "../../src/store/date-range.js";

describe("dayRange", () => {
  it("gives the days a date of each precision covers", () => {
    expect(dayRange({ value: "2024", precision: "year" })).toEqual({
      first: "2024-01-01",
      last: "2024-12-31",
    });
    expect(dayRange({ value: "2024-02", precision: "month" })).toEqual({
      first: "2024-02-01",
      last: "2024-02-29",
    });
    expect(dayRange({ value: "2023-02", precision: "month" })).toEqual({
      first: "2023-02-01",
      last: "2023-02-28",
    });
    expect(dayRange({ value: "2024-08-06", precision: "day" })).toEqual({
      first: "2024-08-06",
      last: "2024-08-06",
    });
    expect(dayRange({ value: "2024-08-06T23:30:00-05:00", precision: "time" })).toEqual({
      first: "2024-08-06",
      last: "2024-08-06",
    });
  });

  it("refuses dates that do not exist or do not match their precision", () => {
    expect(() => dayRange({ value: "2024-02-30", precision: "day" })).toThrow(RangeError);
    expect(() => dayRange({ value: "2024-08", precision: "day" })).toThrow(RangeError);
    expect(() => dayRange({ value: "August 2024", precision: "month" })).toThrow(RangeError);
  });
});

describe("boundRange", () => {
  it("reads a search bound of any precision", () => {
    expect(boundRange("2024-08")).toEqual({ first: "2024-08-01", last: "2024-08-31" });
    expect(boundRange(" 2024 ").last).toBe("2024-12-31");
    expect(() => boundRange("last week")).toThrow(/invalid date bound/);
  });
});
