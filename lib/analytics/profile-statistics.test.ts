import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { agreementRate, bucketByDay, bucketByHour, dayOffset, median } from "./profile-statistics";

describe("dashboard statistics", () => {
  it("median of odd, even, unsorted and empty inputs", () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([40, 10, 20, 30]), 25);
    assert.equal(median([7]), 7);
    assert.equal(median([]), null);
  });

  it("agreement rate counts only cases with two reviews", () => {
    assert.deepEqual(agreementRate([true, true, false, null, true, null]), { rate: 0.75, agreed: 3, reviewed: 4 });
    assert.deepEqual(agreementRate([null, null]), { rate: null, agreed: 0, reviewed: 0 });
  });

  it("per-hour buckets: the last n clock hours including the current one, empty hours as zero, older events ignored", () => {
    const now = new Date("2026-03-01T10:20:00Z");
    const b = bucketByHour(
      [
        new Date("2026-03-01T10:05:00Z"),
        new Date("2026-03-01T10:59:59Z"),
        new Date("2026-03-01T08:00:00Z"),
        new Date("2026-03-01T06:59:59Z"),
        new Date("2026-03-01T11:00:00Z"),
      ],
      now,
      4,
    );
    assert.deepEqual(b, [
      { start: "2026-03-01T07:00:00.000Z", count: 0 },
      { start: "2026-03-01T08:00:00.000Z", count: 1 },
      { start: "2026-03-01T09:00:00.000Z", count: 0 },
      { start: "2026-03-01T10:00:00.000Z", count: 2 },
    ]);
  });

  it("per-day buckets from profile days and dates", () => {
    const now = new Date("2026-03-03T23:59:00Z");
    const b = bucketByDay(["2026-03-03", "2026-03-03", "2026-03-01", "2026-02-28", new Date("2026-03-02T00:00:00Z")], now, 3);
    assert.deepEqual(b, [
      { start: "2026-03-01", count: 1 },
      { start: "2026-03-02", count: 1 },
      { start: "2026-03-03", count: 2 },
    ]);
    assert.equal(dayOffset(now, 6), "2026-02-25");
  });
});
