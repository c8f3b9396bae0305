import assert from "node:assert/strict";
import { test } from "node:test";
import { errorRates } from "./error-rates";

test("separated score samples have no error; overlapping ones cross where the counts say", () => {
  assert.equal(errorRates([50, 60, 70], [1, 2, 3]).eer, 0);
  // Threshold 5: impostors 5 and 6 accepted (FMR 2/4), genuine 4 rejected (FNMR 1/4); threshold 6:
  // FMR 1/4, FNMR 2/4. No threshold does better, so the rates cross at (0.5 + 0.25) / 2.
  const r = errorRates([4, 5, 8, 9], [1, 2, 5, 6], [0.25]);
  assert.equal(r.eer, 0.375);
  assert.deepEqual(r.fnmrAt.get(0.25), { fnmr: 0.5, threshold: 6 });
});
