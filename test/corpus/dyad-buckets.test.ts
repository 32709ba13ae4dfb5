import { describe, expect, it } from "vitest";
import {
  actorKeys,
  bucketOf,
  bucketStart,
  bucketStarts,
  cameoCountry,
  eventDay,
} from "../../src/corpus/dyads.js";

describe("dyad buckets and actor keys", () => {
  it("names ISO weeks by the year of their Thursday, and months by their days", () => {
    expect(bucketStart("2025-01-01", "week")).toBe("2024-12-30");
    expect(bucketOf("2024-12-30", "week")).toEqual({
      period: "2025-W01",
      first: "2024-12-30",
      last: "2025-01-05",
    });
    expect(bucketOf(bucketStart("2021-01-03", "week"), "week").period).toBe("2020-W53");
    expect(bucketOf("2024-02-01", "month")).toEqual({
      period: "2024-02",
      first: "2024-02-01",
      last: "2024-02-29",
    });
    expect(bucketStarts("2024-11-15", "2025-01-02", "month")).toEqual([
      "2024-11-01",
      "2024-12-01",
      "2025-01-01",
    ]);
  });

  it("keys actors by country part and KB id, never by a bare role", () => {
    expect(cameoCountry("RUSGOV")).toBe("RUS");
    expect(cameoCountry("IGOWSTNAT")).toBe("IGO");
    expect(cameoCountry("GOV")).toBeUndefined();
    expect(actorKeys({ cameo: "RUSMIL", kbId: "Q159" })).toEqual(["RUS", "Q159"]);
    expect(actorKeys({ cameo: "CVL", kbId: "" })).toEqual([]);
    expect(actorKeys(null)).toEqual([]);
  });

  it("dates an event to its own day, else to a published day", () => {
    expect(eventDay({ date: "2024-08-06T10:00" }, "2024-08-09")).toBe("2024-08-06");
    expect(eventDay({ date: "2024-08" }, "2024-08-09")).toBe("2024-08-09");
    expect(eventDay({ date: "2024-08-01/2024-08-05" }, undefined)).toBeUndefined();
    expect(eventDay({ date: null }, "2024-08")).toBeUndefined();
  });
});
