import { test } from "node:test";
import assert from "node:assert/strict";
import { durationBand, largeEnoughGroups, profileGroupKey, qualityBand, scoreBand } from "./profile-bands";

test("quality scores are exported in bands of 20, never as the exact score", () => {
  assert.equal(qualityBand(0), "0-19");
  assert.equal(qualityBand(19), "0-19");
  assert.equal(qualityBand(20), "20-39");
  assert.equal(qualityBand(79.4), "60-79");
  assert.equal(qualityBand(80), "80-100");
  assert.equal(qualityBand(100), "80-100");
  assert.equal(qualityBand(null), null);
});

test("comparison scores are banded like quality scores", () => {
  assert.deepEqual([0, 19.4, 25, 40, 64.8, 79.4, 80, 100, 130].map(scoreBand), [
    "0-19",
    "0-19",
    "20-39",
    "40-59",
    "60-79",
    "60-79",
    "80-100",
    "80-100",
    "80-100",
  ]);
  assert.equal(scoreBand(null), null);
  assert.equal(scoreBand(Number.NaN), null);
});

test("durations are banded", () => {
  assert.equal(durationBand(0), "<15m");
  assert.equal(durationBand(899), "<15m");
  assert.equal(durationBand(900), "15m-1h");
  assert.equal(durationBand(5415), "1h-4h");
  assert.equal(durationBand(86_399), "4h-1d");
  assert.equal(durationBand(86_400), "1d-7d");
  assert.equal(durationBand(30 * 86_400), ">=7d");
});

test("groups smaller than k are suppressed; the group is day, year of birth, gender and location together", () => {
  const p = (gender: string, location: string[] | null = ["R"]) => ({ decidedOn: "2026-04-02", yearOfBirth: 1990, gender, location });
  const keys = [...Array(5)].map(() => profileGroupKey(p("F"))).concat([...Array(4)].map(() => profileGroupKey(p("M"))));
  keys.push(profileGroupKey(p("F", ["R", "P"])));
  const kept = largeEnoughGroups(keys, 5);
  assert.deepEqual([...kept], [profileGroupKey(p("F"))]);
  assert.equal(largeEnoughGroups(keys, 1).size, 3, "k = 1 suppresses nothing");
  assert.notEqual(profileGroupKey(p("F")), profileGroupKey(p("F", null)));
});
