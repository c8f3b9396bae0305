import { test } from "node:test";
import assert from "node:assert/strict";
import { chooseOperator, type OperatorLoad } from "./choose-operator";

const op = (userId: string, openCases: number, extra: Partial<OperatorLoad> = {}): OperatorLoad => ({
  userId,
  username: userId,
  openCases,
  cap: null,
  lastAssignedAt: null,
  ...extra,
});

test("the least loaded eligible operator gets the case", () => {
  assert.equal(chooseOperator([op("a", 3), op("b", 1), op("c", 2)], { defaultCap: 10 })?.userId, "b");
});

test("the primary is never chosen as secondary, even when least loaded", () => {
  assert.equal(chooseOperator([op("a", 0), op("b", 5)], { defaultCap: 10, exclude: ["a"] })?.userId, "b");
  assert.equal(chooseOperator([op("a", 0)], { defaultCap: 10, exclude: ["a"] }), null);
});

test("caps are respected, per operator or by default", () => {
  assert.equal(chooseOperator([op("a", 2), op("b", 3)], { defaultCap: 3 })?.userId, "a");
  assert.equal(chooseOperator([op("a", 2, { cap: 2 }), op("b", 3)], { defaultCap: 5 })?.userId, "b");
  assert.equal(chooseOperator([op("a", 3), op("b", 3)], { defaultCap: 3 }), null);
});

test("ties go to whoever waited longest, then by name", () => {
  const early = new Date("2026-01-01T00:00:00Z");
  const late = new Date("2026-01-01T01:00:00Z");
  assert.equal(
    chooseOperator([op("a", 1, { lastAssignedAt: late }), op("b", 1, { lastAssignedAt: early })], { defaultCap: 5 })?.userId,
    "b",
  );
  assert.equal(chooseOperator([op("b", 1), op("a", 1)], { defaultCap: 5 })?.userId, "a");
});
