// Procedural near-infrared iris images (640x480, 8-bit grey, as iris cameras deliver): a dark
// pupil with specular reflections, an iris whose texture is built in polar coordinates (radial
// fibres, crypts, a wavy collarette, concentric furrows, a darker limbus), sclera, eyelids and
// lashes.
//
// The *eye* (texture, proportions) is fixed by the person's seed and the side; the *capture*
// (pupil dilation, gaze offset, slight roll, eyelid opening, illumination, noise) varies, so a
// true duplicate shows the same crypts and fibres in a slightly different pose.

import { clampByte, valueNoise, type GreyRaster } from "./grey-raster";
import { createRng, hashSeed, type Rng } from "./prng";

export const IRIS_WIDTH = 640;
export const IRIS_HEIGHT = 480;

interface Crypt {
  t: number;
  phi: number;
  dt: number;
  dphi: number;
  depth: number;
}

export interface EyeIdentity {
  irisRadius: number;
  pupilRatio: number;
  baseTone: number;
  fibres: { freq: number; phase: number; amp: number }[];
  crypts: Crypt[];
  collarette: { t: number; waves: { freq: number; phase: number; amp: number }[] };
  furrows: { t: number; from: number; span: number }[];
  textureSeed: number;
}

export interface IrisCapture {
  dx: number;
  dy: number;
  /** Radians, eye roll. */
  roll: number;
  /** Multiplies the pupil ratio (light level). */
  dilation: number;
  /** 0 = squinting, 1 = wide open. */
  opening: number;
  brightness: number;
  noiseSeed: number;
}

export function eyeIdentity(personSeed: number, side: "LEFT" | "RIGHT"): EyeIdentity {
  const rng = createRng(hashSeed(personSeed, "iris", side));
  const fibres = Array.from({ length: 24 }, () => ({ freq: rng.int(24, 180), phase: rng.float(0, 2 * Math.PI), amp: rng.float(0.2, 1) }));
  const crypts = Array.from({ length: rng.int(6, 16) }, () => ({
    t: rng.float(0.25, 0.8),
    phi: rng.float(0, 2 * Math.PI),
    dt: rng.float(0.04, 0.12),
    dphi: rng.float(0.03, 0.11),
    depth: rng.float(0.3, 0.9),
  }));
  return {
    irisRadius: rng.float(105, 122),
    pupilRatio: rng.float(0.3, 0.42),
    baseTone: rng.float(95, 140),
    fibres,
    crypts,
    collarette: {
      t: rng.float(0.28, 0.4),
      waves: Array.from({ length: 4 }, () => ({ freq: rng.int(3, 14), phase: rng.float(0, 2 * Math.PI), amp: rng.float(0.01, 0.035) })),
    },
    furrows: Array.from({ length: rng.int(2, 5) }, () => ({
      t: rng.float(0.65, 0.92),
      from: rng.float(0, 2 * Math.PI),
      span: rng.float(0.6, 2.4),
    })),
    textureSeed: rng.int(0, 2 ** 31),
  };
}

export function irisCapture(rng: Rng, strength = 1): IrisCapture {
  return {
    dx: rng.float(-18, 18) * strength,
    dy: rng.float(-12, 12) * strength,
    roll: rng.float(-0.08, 0.08) * strength,
    dilation: 1 + rng.float(-0.12, 0.12) * strength,
    opening: rng.float(0.55, 0.95),
    brightness: rng.float(-10, 10),
    noiseSeed: rng.int(0, 2 ** 31),
  };
}

export function renderIris(eye: EyeIdentity, capture: IrisCapture): GreyRaster {
  const W = IRIS_WIDTH;
  const H = IRIS_HEIGHT;
  const rng = createRng(capture.noiseSeed);
  // The texture lives in (t, phi) so it turns with the eye; 256 x 1024 cells is plenty.
  const tex = valueNoise(1024, 64, 3, createRng(eye.textureSeed).next);
  const skinCoarse = valueNoise(W, H, 90, () => rng.next());
  const skinFine = valueNoise(W, H, 17, () => rng.next());
  const grain = valueNoise(W, H, 2, () => rng.next());

  const cx = W / 2 + capture.dx;
  const cy = H / 2 + capture.dy;
  const R = eye.irisRadius;
  const rp = R * Math.min(0.6, eye.pupilRatio * capture.dilation);
  const upperLid = cy - R * (0.45 + 0.55 * capture.opening);
  const lowerLid = cy + R * (0.75 + 0.25 * capture.opening);
  const lidHalfWidth = 430;
  const glints = [
    { x: cx + rp * 0.35, y: cy - rp * 0.25, r: 6 + rng.float(0, 3) },
    { x: cx - rp * 0.45, y: cy - rp * 0.2, r: 4 + rng.float(0, 2) },
  ];
  const lashes = Array.from({ length: 70 }, () => ({
    x: cx + rng.float(-lidHalfWidth * 0.9, lidHalfWidth * 0.9),
    len: rng.float(25, 60),
    bend: rng.float(-0.5, 0.5),
  }));
  const out = new Uint8Array(W * H);
  const tables = angleTables(eye);

  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const dx = x - cx;
      const dy = y - cy;
      const r = Math.sqrt(dx * dx + dy * dy);
      // Eyelids are parabolas through the lid points, reaching the eye corners.
      const k = Math.min(1, (dx / lidHalfWidth) ** 2);
      const upper = upperLid + (cy - upperLid) * k;
      const lower = lowerLid - (lowerLid - cy) * k;
      const skinTone = 150 + 14 * skinCoarse[i] + 6 * skinFine[i] + (y < upper ? (upper - y) * 0.04 : 0);
      let v: number;
      if (r > R) {
        // Sclera, shaded towards the corners.
        v = 188 - Math.min(60, Math.abs(dx) * 0.1) + 6 * skinCoarse[i];
      } else if (r < rp) {
        v = 18 + 6 * grain[i];
      } else {
        const t = (r - rp) / (R - rp);
        const phi = Math.atan2(dy, dx) - capture.roll;
        v = irisTone(eye, t, phi, tex, tables);
        // Soft pupil and limbus edges.
        if (r - rp < 2) v = 18 + (v - 18) * ((r - rp) / 2);
        if (R - r < 6) v *= 0.7 + 0.3 * ((R - r) / 6);
      }
      // Blend into the lids over a few pixels rather than a hard cut.
      const inside = Math.min(y - upper, lower - y);
      if (inside < 2) v = inside <= -2 ? skinTone : skinTone + (v - skinTone) * ((inside + 2) / 4);
      // Lid margins cast a shadow onto the eye.
      const fromUpper = y - upper;
      if (fromUpper >= -1 && fromUpper < 14 && y <= lower) v *= 0.55 + (0.45 * Math.max(0, fromUpper)) / 14;
      for (const g of glints) {
        // Only pixels near a glint can change (a cheap test before the square root).
        if (Math.abs(x - g.x) >= g.r + 2 || Math.abs(y - g.y) >= g.r + 2) continue;
        const gr = Math.hypot(x - g.x, y - g.y);
        if (gr < g.r) v = 250;
        else if (gr < g.r + 2) v = Math.max(v, 250 - (gr - g.r) * 60);
      }
      out[i] = clampByte(v + capture.brightness + 4 * grain[i]);
    }
  }
  drawLashes(out, W, H, lashes, (x) => {
    const k = Math.min(1, ((x - cx) / lidHalfWidth) ** 2);
    return upperLid + (cy - upperLid) * k;
  });
  return { width: W, height: H, data: out };
}

/** Angular resolution of the precomputed tables: about 20 bins per period of the finest fibre. */
const ANGLE_BINS = 4096;

interface AngleTables {
  /** Sum of amp * sin(freq * phi + phase) and amp * cos(...) over the fibres, per angle bin. */
  fibreSin: Float32Array;
  fibreCos: Float32Array;
  /** The collarette's radius (as t) per angle bin. */
  collar: Float32Array;
}

// The fibres and the collarette depend on the angle only (the radial term of a fibre is a phase shift, split out
// with sin(a + b) = sin a cos b + cos a sin b), so they are summed once per angle bin instead of once per pixel:
// the per-pixel sine sums made the iris the second most expensive part of a synthetic applicant.
function angleTables(eye: EyeIdentity): AngleTables {
  const fibreSin = new Float32Array(ANGLE_BINS);
  const fibreCos = new Float32Array(ANGLE_BINS);
  const collar = new Float32Array(ANGLE_BINS);
  for (let b = 0; b < ANGLE_BINS; b++) {
    const phi = ((b + 0.5) / ANGLE_BINS) * 2 * Math.PI;
    let s = 0;
    let c = 0;
    for (const f of eye.fibres) {
      s += f.amp * Math.sin(f.freq * phi + f.phase);
      c += f.amp * Math.cos(f.freq * phi + f.phase);
    }
    fibreSin[b] = s / eye.fibres.length;
    fibreCos[b] = c / eye.fibres.length;
    let t = eye.collarette.t;
    for (const w of eye.collarette.waves) t += w.amp * Math.sin(w.freq * phi + w.phase);
    collar[b] = t;
  }
  return { fibreSin, fibreCos, collar };
}

function irisTone(eye: EyeIdentity, t: number, phi: number, tex: Float32Array, tables: AngleTables): number {
  const p = ((phi % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  const bin = Math.min(ANGLE_BINS - 1, Math.floor((p / (2 * Math.PI)) * ANGLE_BINS));
  const fib = tables.fibreSin[bin] * Math.cos(t * 2.5) + tables.fibreCos[bin] * Math.sin(t * 2.5);
  const tx = Math.floor((p / (2 * Math.PI)) * 1023);
  const ty = Math.min(63, Math.floor(t * 63));
  const noise = tex[ty * 1024 + tx];
  let v = eye.baseTone + 34 * fib + 26 * noise;

  const collar = tables.collar[bin];
  // Pupillary zone is lighter; the collarette ridge itself is bright.
  if (t < collar) v += 14;
  const dc = Math.abs(t - collar);
  if (dc < 0.03) v += 22 * (1 - dc / 0.03);

  for (const c of eye.crypts) {
    // Outside the crypt's radial band the ellipse test below fails anyway.
    if (Math.abs(t - c.t) >= c.dt) continue;
    let dphi = Math.abs(phi - c.phi) % (2 * Math.PI);
    if (dphi > Math.PI) dphi = 2 * Math.PI - dphi;
    const e = ((t - c.t) / c.dt) ** 2 + (dphi / c.dphi) ** 2;
    if (e < 1) v -= 70 * c.depth * (1 - e);
  }
  for (const f of eye.furrows) {
    if (Math.abs(t - f.t) >= 0.012) continue;
    let a = (phi - f.from) % (2 * Math.PI);
    if (a < 0) a += 2 * Math.PI;
    if (a < f.span && Math.abs(t - f.t) < 0.012) v -= 30;
  }
  // Limbus darkens the outer rim.
  if (t > 0.85) v -= (t - 0.85) * 220;
  return v;
}

function drawLashes(
  out: Uint8Array,
  W: number,
  H: number,
  lashes: { x: number; len: number; bend: number }[],
  lidAt: (x: number) => number,
): void {
  for (const l of lashes) {
    const y0 = lidAt(l.x);
    for (let s = 0; s < l.len; s += 0.5) {
      const x = Math.round(l.x + l.bend * s + 0.004 * s * s * Math.sign(l.bend || 1));
      const y = Math.round(y0 + s * 0.9 - 0.006 * s * s);
      if (x < 0 || x >= W || y < 0 || y >= H) continue;
      const i = y * W + x;
      out[i] = Math.min(out[i], 30 + s);
    }
  }
}
