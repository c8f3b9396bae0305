// Hand-computed examples for the statistics behind docs/quality.md.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cohenKappa } from "./cohen-kappa";
import { percentile } from "./percentile";
import { wilsonInterval } from "./wilson-interval";

const close = (actual: number | null, expected: number, digits = 4) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 10 ** -digits, `${actual} is not ${expected}`);

describe("Wilson interval", () => {
  it("8 of 10: 0.8 within [0.4902, 0.9433]", () => {
    // centre = (0.8 + z²/20) / (1 + z²/10) = 0.992073 / 1.384146 = 0.716738
    // half = z·√(0.016 + z²/400) / 1.384146 = 0.226576
    const w = wilsonInterval(8, 10);
    assert.equal(w.rate, 0.8);
    close(w.low, 0.49016);
    close(w.high, 0.94331);
    assert.equal(w.n, 10);
  });

  it("0 of 10 still has an upper bound (0.2775) and never goes below 0", () => {
    const w = wilsonInterval(0, 10);
    assert.equal(w.rate, 0);
    assert.equal(w.low, 0);
    close(w.high, 0.27753);
  });

  it("10 of 10 stays within 1; no trials says nothing", () => {
    const w = wilsonInterval(10, 10);
    assert.equal(w.high, 1);
    close(w.low, 0.72247);
    assert.deepEqual(wilsonInterval(0, 0), { rate: null, low: null, high: null, successes: 0, n: 0 });
  });

  it("refuses impossible counts", () => {
    assert.throws(() => wilsonInterval(3, 2), RangeError);
    assert.throws(() => wilsonInterval(-1, 2), RangeError);
  });
});

describe("Cohen's kappa", () => {
  it("the textbook table: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no gives 0.4", () => {
    const pairs: [string, string][] = [
      ...Array.from({ length: 20 }, () => ["Y", "Y"] as [string, string]),
      ...Array.from({ length: 5 }, () => ["Y", "N"] as [string, string]),
      ...Array.from({ length: 10 }, () => ["N", "Y"] as [string, string]),
      ...Array.from({ length: 15 }, () => ["N", "N"] as [string, string]),
    ];
    // p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2 / 0.5
    const k = cohenKappa(pairs);
    close(k.observed, 0.7);
    close(k.expected, 0.5);
    close(k.kappa, 0.4);
    assert.equal(k.items, 50);
  });

  it("perfect agreement over two labels is 1; agreement no better than chance is 0", () => {
    close(
      cohenKappa([
        ["A", "A"],
        ["B", "B"],
      ]).kappa,
      1,
    );
    // p_o = 0.5, p_e = 0.5·0.5 + 0.5·0.5 = 0.5
    close(
      cohenKappa([
        ["A", "A"],
        ["A", "B"],
        ["B", "A"],
        ["B", "B"],
      ]).kappa,
      0,
    );
  });

  it("says nothing when both raters only ever used one same label, or with no items", () => {
    assert.equal(
      cohenKappa([
        ["N", "N"],
        ["N", "N"],
      ]).kappa,
      null,
    );
    assert.deepEqual(cohenKappa([]), { kappa: null, observed: null, expected: null, items: 0 });
  });
});

describe("nearest-rank percentile", () => {
  it("p50 and p90 of 1..10 are 5 and 9; order does not matter", () => {
    const v = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    assert.equal(percentile(v, 50), 5);
    assert.equal(percentile(v, 90), 9);
    assert.equal(percentile([3, 1, 2], 50), 2);
    assert.equal(percentile([], 50), null);
  });
});
