// Second (third, ...) impressions of one synthetic finger for the matcher's genuine/impostor protocol:
// far wider variation than a packet's captures - placement rotated up to +-15 degrees each way (so two
// impressions differ by up to 30), shifted until only part of the finger is shared, stretched
// elastically, noisy, dry or wet. Whether two impressions still share enough of the finger is measured,
// not assumed (sharedArea).
import { type CaptureVariation, FINGER_HEIGHT, FINGER_WIDTH, type fingerIdentity } from "./synthetic-fingerprint";
import type { Rng } from "./prng";

export function impressionVariation(rng: Rng): CaptureVariation {
  return {
    rotation: rng.float(-Math.PI / 12, Math.PI / 12),
    dx: rng.float(-55, 55),
    dy: rng.float(-75, 75),
    pressure: rng.float(0.1, 0.95),
    noiseSeed: rng.int(0, 2 ** 31),
    distortion: rng.float(0, 7),
    noise: rng.float(0, 14),
  };
}

/**
 * Fraction of the finger visible in the first impression that is also visible in the second: points of
 * the fingertip mapped into both frames, on a coarse grid.
 */
export function sharedArea(identity: ReturnType<typeof fingerIdentity>, first: CaptureVariation, second: CaptureVariation): number {
  const ocx = FINGER_WIDTH / 2;
  const ocy = identity.outline.cy;
  const visible = (v: CaptureVariation, fx: number, fy: number) => {
    const x = Math.cos(v.rotation) * (fx - ocx) - Math.sin(v.rotation) * (fy - ocy) + ocx + v.dx;
    const y = Math.sin(v.rotation) * (fx - ocx) + Math.cos(v.rotation) * (fy - ocy) + ocy + v.dy;
    return x >= 8 && y >= 8 && x < FINGER_WIDTH - 8 && y < FINGER_HEIGHT - 8;
  };
  let inFirst = 0;
  let inBoth = 0;
  for (let fy = -60; fy < FINGER_HEIGHT + 60; fy += 6) {
    for (let fx = -40; fx < FINGER_WIDTH + 40; fx += 6) {
      const ex = (fx - FINGER_WIDTH / 2) / identity.outline.rx;
      const eyRaw = (fy - ocy) / identity.outline.ry;
      const ey = eyRaw > 0 ? eyRaw * 0.55 : eyRaw;
      if (ex * ex + ey * ey >= 1) continue;
      if (!visible(first, fx, fy)) continue;
      inFirst++;
      if (visible(second, fx, fy)) inBoth++;
    }
  }
  return inFirst ? inBoth / inFirst : 0;
}
