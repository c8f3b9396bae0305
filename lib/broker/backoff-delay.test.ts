import { test } from "node:test";
import assert from "node:assert/strict";
import { backoffDelayMs } from "./backoff-delay";

const mid = () => 0.5; // no jitter

test("doubles from the base and stops at the cap", () => {
  const o = { baseMs: 100, maxMs: 1000 };
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map((a) => backoffDelayMs(a, o, mid)),
    [100, 200, 400, 800, 1000, 1000],
  );
});

test("jitter stays within ±20 % and never above the cap", () => {
  const o = { baseMs: 1000, maxMs: 1100 };
  assert.equal(
    backoffDelayMs(1, o, () => 0),
    800,
  );
  assert.equal(
    backoffDelayMs(1, o, () => 1),
    1100,
  );
  assert.equal(
    backoffDelayMs(40, o, () => 1),
    1100,
  );
});

test("nonsense attempts count as the first", () => {
  assert.equal(backoffDelayMs(0, { baseMs: 50, maxMs: 500 }, mid), 50);
  assert.equal(backoffDelayMs(-3, { baseMs: 50, maxMs: 500 }, mid), 50);
});
