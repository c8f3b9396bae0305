import assert from "node:assert/strict";
import { test } from "node:test";
import { blockAngle, blockOrientationField } from "./orientation-field";

/** Sinusoidal ridges whose direction at (x, y) is given by `direction`. */
function stripes(width: number, height: number, period: number, phase: (x: number, y: number) => number): Float32Array {
  const px = new Float32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) px[y * width + x] = 128 + 100 * Math.cos((2 * Math.PI * phase(x, y)) / period);
  return px;
}

const gap = (a: number, b: number) => {
  const d = Math.abs(a - b) % Math.PI;
  return Math.min(d, Math.PI - d);
};

test("straight ridges at 30 degrees give that direction in every block, with high coherence", () => {
  const t = Math.PI / 6;
  // The wave runs across the ridges, along the normal (-sin t, cos t).
  const px = stripes(160, 160, 9, (x, y) => -x * Math.sin(t) + y * Math.cos(t));
  const field = blockOrientationField(px, 160, 160, 16);
  for (let b = 0; b < field.cols * field.rows; b++) {
    assert.ok(
      gap(blockAngle(field, b), t) < (3 * Math.PI) / 180,
      `block ${b}: ${((blockAngle(field, b) * 180) / Math.PI).toFixed(1)} degrees`,
    );
    assert.ok(field.coherence[b] > 0.8, `block ${b}: coherence ${field.coherence[b]}`);
  }
});

test("concentric ridges (a whorl) run tangentially around the centre", () => {
  const size = 192;
  const c = size / 2;
  const px = stripes(size, size, 9, (x, y) => Math.hypot(x - c, y - c));
  const field = blockOrientationField(px, size, size, 16);
  let checked = 0;
  for (let by = 0; by < field.rows; by++) {
    for (let bx = 0; bx < field.cols; bx++) {
      const x = bx * 16 + 8 - c;
      const y = by * 16 + 8 - c;
      if (Math.hypot(x, y) < 40) continue; // the core itself has no single direction
      const tangent = Math.atan2(y, x) + Math.PI / 2;
      assert.ok(gap(blockAngle(field, by * field.cols + bx), tangent) < (12 * Math.PI) / 180, `block ${bx},${by}`);
      checked++;
    }
  }
  assert.ok(checked > 80);
});
