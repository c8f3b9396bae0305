// Procedural fingerprints: a zero-pole orientation field around cores and deltas (the classic
// Sherlock-Monro model), ridges grown from noise by repeated Gabor filtering along that field
// (which also produces ridge endings and bifurcations), then a fingertip-shaped impression with
// uneven pressure, pores and creases.
//
// Two levels of randomness: the *finger* (pattern class, singular points, ridge period, the noise
// the ridges grow from) decides identity, so a true duplicate of a person reproduces the same
// ridges; the *capture* (placement, rotation, pressure, dryness, noise) differs per impression, so
// two captures of one finger look alike but not pixel-identical.

import { clampByte, sampleBilinear, valueNoise, type GreyRaster } from "./grey-raster";
import { createRng, hashSeed, type Rng } from "./prng";

export const FINGER_WIDTH = 300;
export const FINGER_HEIGHT = 400;
/** Image sampling rate the ISO record declares; ridge spacing below assumes it. */
export const FINGER_PPI = 500;

type PatternClass = "LOOP_LEFT" | "LOOP_RIGHT" | "WHORL" | "ARCH" | "TENTED_ARCH";

interface FingerIdentity {
  pattern: PatternClass;
  cores: [number, number][];
  deltas: [number, number][];
  /** Full-resolution pixels between ridge centres (0.4-0.5 mm at 500 ppi). */
  period: number;
  growthSeed: number;
  /** Arch bulge, only used by ARCH. */
  archHeight: number;
  /** Fingertip outline relative to the image. */
  outline: { rx: number; ry: number; cy: number };
}

export interface CaptureVariation {
  /** Radians. */
  rotation: number;
  dx: number;
  dy: number;
  /** 0 = dry/light, 1 = wet/heavy. */
  pressure: number;
  noiseSeed: number;
  /** Skin stretch in pixels (smooth, largest away from the centre); absent = none. */
  distortion?: number;
  /** Sensor noise, standard deviation in grey levels; absent = none. */
  noise?: number;
}

/** Work at half resolution: 4x fewer filter taps; the upscale blurs ridges like a real sensor does. */
const SCALE = 2;
/** The ridge field extends past the image so a rotated or shifted capture still has ridges. */
const MARGIN = 40;
const ORIENTATION_BINS = 24;
const GROWTH_ITERATIONS = 3;

export function fingerIdentity(personSeed: number, fingerIndex: number): FingerIdentity {
  const rng = createRng(hashSeed(personSeed, "finger", fingerIndex));
  const thumb = fingerIndex === 0 || fingerIndex === 5;
  const roll = rng.next();
  let pattern: PatternClass;
  if (roll < (thumb ? 0.45 : 0.3)) pattern = "WHORL";
  else if (roll < 0.9)
    pattern = fingerIndex < 5 ? (rng.chance(0.8) ? "LOOP_LEFT" : "LOOP_RIGHT") : rng.chance(0.8) ? "LOOP_RIGHT" : "LOOP_LEFT";
  else pattern = rng.chance(0.5) ? "ARCH" : "TENTED_ARCH";

  const cx = FINGER_WIDTH / 2 + rng.float(-25, 25);
  const cy = FINGER_HEIGHT * rng.float(0.38, 0.5);
  const cores: [number, number][] = [];
  const deltas: [number, number][] = [];
  const side = pattern === "LOOP_LEFT" ? 1 : -1;
  switch (pattern) {
    case "LOOP_LEFT":
    case "LOOP_RIGHT":
      cores.push([cx, cy]);
      deltas.push([cx + side * rng.float(70, 110), cy + rng.float(80, 130)]);
      break;
    case "WHORL": {
      const gap = rng.float(12, 30);
      const tilt = rng.float(-0.6, 0.6);
      cores.push([cx - gap * Math.sin(tilt), cy - gap * Math.cos(tilt)], [cx + gap * Math.sin(tilt), cy + gap * Math.cos(tilt)]);
      deltas.push([cx - rng.float(85, 120), cy + rng.float(80, 130)], [cx + rng.float(85, 120), cy + rng.float(80, 130)]);
      break;
    }
    case "TENTED_ARCH":
      cores.push([cx, cy]);
      deltas.push([cx + rng.float(-8, 8), cy + rng.float(60, 90)]);
      break;
    case "ARCH":
      break;
  }
  return {
    pattern,
    cores,
    deltas,
    period: rng.float(8.2, 10.2),
    growthSeed: hashSeed(personSeed, "ridges", fingerIndex, rng.int(0, 1e9)),
    archHeight: rng.float(25, 60),
    outline: { rx: rng.float(118, 138), ry: rng.float(175, 200), cy: FINGER_HEIGHT * rng.float(0.5, 0.56) },
  };
}

export function captureVariation(rng: Rng, strength = 1): CaptureVariation {
  return {
    rotation: rng.float(-0.12, 0.12) * strength,
    dx: rng.float(-14, 14) * strength,
    dy: rng.float(-14, 14) * strength,
    pressure: rng.float(0.35, 0.8),
    noiseSeed: rng.int(0, 2 ** 31),
  };
}

/** Orientation of the ridges (radians, modulo pi) at a full-resolution point. */
function orientation(id: FingerIdentity, x: number, y: number): number {
  if (id.pattern === "ARCH") {
    // Ridges follow bumps y = cy - h * exp(-(x-cx)^2 / w^2); orientation is the bump's slope.
    const w = 90;
    const dxn = x - FINGER_WIDTH / 2;
    const h = id.archHeight * Math.exp(-(((y - FINGER_HEIGHT * 0.55) / 160) ** 2));
    const slope = ((2 * h * dxn) / (w * w)) * Math.exp(-(dxn * dxn) / (w * w));
    return Math.atan(slope);
  }
  // Zero-pole model with y pointing up: theta = 1/2 (sum arg(z - core) - sum arg(z - delta)).
  let theta = 0;
  for (const [px, py] of id.cores) theta += Math.atan2(py - y, x - px);
  for (const [px, py] of id.deltas) theta -= Math.atan2(py - y, x - px);
  return -theta / 2;
}

function buildKernels(period: number): { radius: number; kernels: Float32Array[] } {
  const sigma = period * 0.48;
  const radius = Math.ceil(sigma * 1.45);
  const size = 2 * radius + 1;
  const kernels: Float32Array[] = [];
  for (let b = 0; b < ORIENTATION_BINS; b++) {
    const theta = (b / ORIENTATION_BINS) * Math.PI;
    // Normal to the ridge direction: the wave runs across ridges.
    const nx = -Math.sin(theta);
    const ny = Math.cos(theta);
    const k = new Float32Array(size * size);
    let mean = 0;
    for (let j = -radius; j <= radius; j++) {
      for (let i = -radius; i <= radius; i++) {
        const across = i * nx + j * ny;
        const v = Math.exp(-(i * i + j * j) / (2 * sigma * sigma)) * Math.cos((2 * Math.PI * across) / period);
        k[(j + radius) * size + (i + radius)] = v;
        mean += v;
      }
    }
    mean /= size * size;
    for (let i = 0; i < k.length; i++) k[i] -= mean;
    kernels.push(k);
  }
  return { radius, kernels };
}

/** The finger's ridge field in [-1, 1] at half resolution, covering the image plus MARGIN. */
export function growRidges(id: FingerIdentity): { field: Float32Array; width: number; height: number } {
  const width = Math.ceil((FINGER_WIDTH + 2 * MARGIN) / SCALE);
  const height = Math.ceil((FINGER_HEIGHT + 2 * MARGIN) / SCALE);
  const period = id.period / SCALE;
  const { radius, kernels } = buildKernels(period);
  const size = 2 * radius + 1;

  const bins = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let t = orientation(id, x * SCALE - MARGIN, y * SCALE - MARGIN) % Math.PI;
      if (t < 0) t += Math.PI;
      bins[y * width + x] = Math.round((t / Math.PI) * ORIENTATION_BINS) % ORIENTATION_BINS;
    }
  }

  const rng = createRng(id.growthSeed);
  // Padded buffers so the inner loop needs no bounds checks.
  const pw = width + 2 * radius;
  const ph = height + 2 * radius;
  let src = new Float32Array(pw * ph);
  let dst = new Float32Array(pw * ph);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) src[(y + radius) * pw + x + radius] = rng.next() * 2 - 1;

  const taps = size * size;
  const rowOffsets = new Int32Array(size);
  for (let j = 0; j < size; j++) rowOffsets[j] = (j - radius) * pw - radius;
  // All orientation kernels in one flat array: one typed-array load per tap instead of a kernel object per pixel.
  const flat = new Float32Array(ORIENTATION_BINS * taps);
  for (let b = 0; b < kernels.length; b++) flat.set(kernels[b], b * taps);

  for (let iter = 0; iter < GROWTH_ITERATIONS; iter++) {
    let energy = 0;
    for (let y = 0; y < height; y++) {
      const row = (y + radius) * pw + radius;
      const binRow = y * width;
      for (let x = 0; x < width; x++) {
        let k = bins[binRow + x] * taps;
        const at = row + x;
        let sum = 0;
        // Row by row: contiguous loads from src, the kernel read in order (same sum, same order as one flat loop).
        for (let j = 0; j < size; j++) {
          const from = at + rowOffsets[j];
          for (let i = 0; i < size; i++) sum += flat[k++] * src[from + i];
        }
        dst[at] = sum;
        energy += sum * sum;
      }
    }
    // Normalise, then squash: the non-linearity is what turns filtered noise into clean ridges.
    const rms = Math.sqrt(energy / (width * height)) || 1;
    for (let y = 0; y < height; y++) {
      const row = (y + radius) * pw + radius;
      for (let x = 0; x < width; x++) dst[row + x] = Math.tanh((2.2 * dst[row + x]) / rms);
    }
    [src, dst] = [dst, src];
  }

  const field = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) field[y * width + x] = src[(y + radius) * pw + x + radius];
  return { field, width, height };
}

/** One impression of the finger: dark ridges on a light background, 8-bit grey, FINGER_WIDTH x FINGER_HEIGHT. */
export function renderFingerprint(
  id: FingerIdentity,
  ridges: { field: Float32Array; width: number; height: number },
  capture: CaptureVariation,
): GreyRaster {
  const W = FINGER_WIDTH;
  const H = FINGER_HEIGHT;
  const rng = createRng(capture.noiseSeed);
  const blotches = valueNoise(W, H, 38, () => rng.next());
  const fine = valueNoise(W, H, 3, () => rng.next());
  const creases = Array.from({ length: rng.int(1, 4) }, () => {
    const x = rng.float(40, W - 40);
    const y = rng.float(60, H - 40);
    const angle = rng.float(-0.5, 0.5) + (rng.chance(0.5) ? 0 : Math.PI / 2);
    // Direction kept as cosine and sine: the loop below needs them at every pixel.
    return { x, y, cos: Math.cos(angle), sin: Math.sin(angle), half: rng.float(20, 70), width: rng.float(0.8, 2.2) };
  });
  const cos = Math.cos(capture.rotation);
  const sin = Math.sin(capture.rotation);
  const ocx = W / 2;
  const ocy = id.outline.cy;
  const out = new Uint8Array(W * H);
  const thickness = 0.3 - capture.pressure * 0.5;
  const stretch = capture.distortion ?? 0;
  // Drawn only when used, so captures without distortion keep their exact pixels.
  const phases = stretch > 0 ? [rng.float(0, 6.3), rng.float(0, 6.3), rng.float(0, 6.3), rng.float(0, 6.3)] : [0, 0, 0, 0];

  for (let v = 0; v < H; v++) {
    for (let u = 0; u < W; u++) {
      // Image point -> finger point: undo the capture's shift and rotation about the outline centre.
      const du = u - ocx - capture.dx;
      const dv = v - ocy - capture.dy;
      let fx = cos * du + sin * dv + ocx;
      let fy = -sin * du + cos * dv + ocy;
      if (stretch > 0) {
        // Elastic skin: a smooth displacement that is nil at the centre of contact and grows outwards.
        const rx = (fx - ocx) / 150;
        const ry = (fy - ocy) / 200;
        const grow = Math.min(1, rx * rx + ry * ry);
        fx += stretch * grow * Math.sin(rx * 2.2 + phases[0]) * Math.cos(ry * 1.7 + phases[1]);
        fy += stretch * grow * Math.sin(ry * 2.0 + phases[2]) * Math.cos(rx * 1.9 + phases[3]);
      }
      const i = v * W + u;

      // Fingertip: an ellipse whose lower half widens into the finger's body and leaves the frame.
      const ex = (fx - W / 2) / id.outline.rx;
      const eyRaw = (fy - ocy) / id.outline.ry;
      const ey = eyRaw > 0 ? eyRaw * 0.55 : eyRaw;
      const r = Math.sqrt(ex * ex + ey * ey) + blotches[i] * 0.06;
      const contact = r >= 1 ? 0 : Math.min(1, (1 - r) * 7) * (0.75 + 0.25 * blotches[i]);

      let ink = 0;
      if (contact > 0) {
        const ridge = sampleBilinear(ridges.field, ridges.width, ridges.height, (fx + MARGIN) / SCALE, (fy + MARGIN) / SCALE);
        // Heavier pressure spreads the ink: shift the threshold so ridges get thicker.
        let level = (ridge - thickness) * 2.2;
        level = level > 1 ? 1 : Math.max(level, -1);
        ink = ((level + 1) / 2) * contact;
        for (const c of creases) {
          const px = fx - c.x;
          const py = fy - c.y;
          const along = px * c.cos + py * c.sin;
          const across = -px * c.sin + py * c.cos;
          if (Math.abs(along) < c.half && Math.abs(across) < c.width) ink *= 0.15;
        }
        // Pores and sensor noise break up the ridges slightly.
        ink *= 0.88 + 0.12 * fine[i];
      }
      const background = 244 + 6 * fine[i];
      const grain = capture.noise ? rng.gaussian() * capture.noise : 0;
      out[i] = clampByte(background - ink * 215 + grain);
    }
  }
  return { width: W, height: H, data: out };
}
