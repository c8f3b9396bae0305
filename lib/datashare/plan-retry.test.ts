import { test } from "node:test";
import assert from "node:assert/strict";
import { attemptsWithinValidity, checkAttemptCap, planRetry, retryDeadline } from "./plan-retry";

const mid = () => 0.5; // no jitter
const defaults = { validityMs: 1_800_000, retryBaseMs: 2_000, retryMaxMs: 60_000 };
const t0 = new Date("2026-01-01T10:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);

test("capped exponential backoff from the time of the failure", () => {
  assert.deepEqual(planRetry(defaults, 1, t0, at(0), mid), at(2));
  assert.deepEqual(planRetry(defaults, 4, t0, at(30), mid), at(46));
  assert.deepEqual(planRetry(defaults, 12, t0, at(600), mid), at(660), "never more than the cap");
});

test("retries go on past the old five attempts until the validity is nearly spent, then stop", () => {
  assert.notEqual(planRetry(defaults, 5, t0, at(30), mid), null, "a 30 s outage no longer exhausts the budget");
  assert.notEqual(planRetry(defaults, 30, t0, at(1600), mid), null);
  // 1800 s validity minus the one-minute margin: a retry due after 1740 s is not planned.
  assert.deepEqual(retryDeadline(t0, defaults.validityMs), at(1740));
  assert.deepEqual(planRetry(defaults, 30, t0, at(1680), mid), at(1740));
  assert.equal(planRetry(defaults, 30, t0, at(1681), mid), null);
  assert.equal(planRetry(defaults, 1, t0, at(1800), mid), null, "a share already expired is not retried");
});

test("a short validity keeps a tenth as margin", () => {
  const s = { validityMs: 10_000, retryBaseMs: 1_000, retryMaxMs: 1_000 };
  assert.deepEqual(retryDeadline(t0, s.validityMs), at(9));
  assert.deepEqual(planRetry(s, 3, t0, at(8), mid), at(9));
  assert.equal(planRetry(s, 3, t0, at(8.5), mid), null);
});

test("the optional safety cap stops retries at its count", () => {
  assert.equal(planRetry({ ...defaults, maxAttempts: 50 }, 50, t0, at(100), mid), null);
  assert.notEqual(planRetry({ ...defaults, maxAttempts: 50 }, 49, t0, at(100), mid), null);
});

test("attemptsWithinValidity counts the most attempts the schedule can make, and a cap below it is refused", () => {
  const n = attemptsWithinValidity(defaults);
  // Shortest jitter: 1.6, 3.2, 6.4, 12.8, 25.6 s, then 48 s each: 6 attempts by 49.6 s, then (1740-49.6)/48 more.
  assert.equal(n, 6 + Math.floor((1740_000 - 49_600) / 48_000));
  // The count is reachable: simulate the fastest schedule.
  let now = t0;
  let attempts = 1;
  for (;;) {
    const next = planRetry(defaults, attempts, t0, now, () => 0);
    if (!next) break;
    now = next;
    attempts++;
  }
  assert.equal(attempts, n);
  assert.equal(checkAttemptCap({ ...defaults, maxAttempts: n }), null);
  assert.equal(checkAttemptCap(defaults), null);
  assert.match(checkAttemptCap({ ...defaults, maxAttempts: 5 }) ?? "", /MOSIP_DATASHARE_MAX_ATTEMPTS=5 .* set at least 41/);
  assert.equal(attemptsWithinValidity({ validityMs: 1000, retryBaseMs: 2000, retryMaxMs: 60_000 }), 1);
});
