import assert from "node:assert/strict";
import { test } from "node:test";
import { createRng } from "./prng";
import { captureVariation, fingerIdentity } from "./synthetic-fingerprint";
import { impressionVariation, sharedArea } from "./synthetic-impression";

test("impressions are reproducible from the seed and vary within the protocol's bounds", () => {
  const a = Array.from(
    { length: 200 },
    (
      (rng) => () =>
        impressionVariation(rng)
    )(createRng(7)),
  );
  const b = Array.from(
    { length: 200 },
    (
      (rng) => () =>
        impressionVariation(rng)
    )(createRng(7)),
  );
  assert.deepEqual(a, b);
  for (const v of a) {
    assert.ok(Math.abs(v.rotation) <= Math.PI / 12 + 1e-9);
    assert.ok((v.distortion ?? 0) >= 0 && (v.distortion ?? 0) <= 7);
  }
  // Wide enough to reach the protocol's extremes: some pairs turned ~30 degrees apart.
  const spread = Math.max(...a.map((v) => v.rotation)) - Math.min(...a.map((v) => v.rotation));
  assert.ok(spread > (25 * Math.PI) / 180, `rotation spread ${spread}`);
});

test("shared area: full for the same placement, partial for a shift, none when the finger leaves the frame", () => {
  const id = fingerIdentity(11, 3);
  const still = { ...captureVariation(createRng(1)), rotation: 0, dx: 0, dy: 0 };
  assert.equal(sharedArea(id, still, still), 1);
  const shifted = sharedArea(id, still, { ...still, dx: 80 });
  assert.ok(shifted > 0.3 && shifted < 0.9, `shifted by 80 px: ${shifted}`);
  assert.equal(sharedArea(id, still, { ...still, dx: 600 }), 0);
});
