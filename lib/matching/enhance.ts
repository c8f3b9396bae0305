// Contextual enhancement and binarisation. Each pixel is filtered with a Gabor-like kernel laid along the
// local ridge: a Gaussian along the ridge (bridges pores and small breaks) followed by a one-dimensional
// Gabor across it, tuned to the local ridge period (Hong, Wan & Jain 1998 use the same filter as one 2-D
// kernel; applying it as two oriented 1-D passes cuts the taps from ~200 to ~28 per pixel). Orientation and
// period come quantised so every kernel is a precomputed list of offsets and weights.
import type { BlockField } from "./orientation-field";
import type { BlockMask } from "./segment";

const ORIENTATION_BINS = 24;
const ALONG_RADIUS = 6;
const ALONG_SIGMA = 3;
const ACROSS_RADIUS = 7;
const PERIOD_STEP = 0.5;
const PAD = Math.max(ALONG_RADIUS, ACROSS_RADIUS) + 1;

export interface RidgePeriods {
  /** Pixels between ridge centres, per block (foreground blocks only; others hold the median). */
  period: Float32Array;
  median: number;
}

/** Pixels normalised to zero mean, unit variance per block (bilinear between block centres). */
export function normalise(grey: Uint8Array, width: number, height: number, field: BlockField): Float32Array {
  const { block, cols, rows, mean, variance } = field;
  const std = new Float32Array(mean.length);
  for (let b = 0; b < std.length; b++) std[b] = Math.sqrt(variance[b]) + 1;
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) / block - 0.5, 0), rows - 1);
    const y0 = Math.min(fy | 0, Math.max(rows - 2, 0));
    const y1 = Math.min(y0 + 1, rows - 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) / block - 0.5, 0), cols - 1);
      const x0 = Math.min(fx | 0, Math.max(cols - 2, 0));
      const x1 = Math.min(x0 + 1, cols - 1);
      const wx = fx - x0;
      const a = y0 * cols + x0;
      const b = y0 * cols + x1;
      const c = y1 * cols + x0;
      const d = y1 * cols + x1;
      const m = (mean[a] * (1 - wx) + mean[b] * wx) * (1 - wy) + (mean[c] * (1 - wx) + mean[d] * wx) * wy;
      const s = (std[a] * (1 - wx) + std[b] * wx) * (1 - wy) + (std[c] * (1 - wx) + std[d] * wx) * wy;
      out[y * width + x] = (grey[y * width + x] - m) / s;
    }
  }
  return out;
}

/**
 * Ridge period per block from the x-signature (Hong et al.): grey levels averaged along the ridge and
 * sampled across it; the distance between its successive minima (ridge centres are dark) is the period.
 */
export function ridgePeriods(
  norm: Float32Array,
  width: number,
  height: number,
  field: BlockField,
  mask: BlockMask,
  ppi: number,
): RidgePeriods {
  const { block, cols, rows } = field;
  const scale = ppi / 500;
  const minP = 4 * scale;
  const maxP = 16 * scale;
  const raw = new Float32Array(cols * rows);
  const signature = new Float32Array(32);
  for (let b = 0; b < raw.length; b++) {
    if (!mask.foreground[b]) continue;
    const t = Math.atan2(field.sin2[b], field.cos2[b]) / 2;
    const dx = Math.cos(t);
    const dy = Math.sin(t);
    const cx = (b % cols) * block + block / 2;
    const cy = ((b / cols) | 0) * block + block / 2;
    for (let k = 0; k < 32; k++) {
      const across = k - 16;
      let s = 0;
      let c = 0;
      for (let a = -8; a < 8; a += 2) {
        const x = Math.round(cx + a * dx - across * dy);
        const y = Math.round(cy + a * dy + across * dx);
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        s += norm[y * width + x];
        c++;
      }
      signature[k] = c ? s / c : 0;
    }
    let first = -1;
    let last = -1;
    let count = 0;
    for (let k = 1; k < 31; k++) {
      const v = (signature[k - 1] + 2 * signature[k] + signature[k + 1]) / 4;
      const l = k > 1 ? (signature[k - 2] + 2 * signature[k - 1] + signature[k]) / 4 : signature[0];
      const r = k < 30 ? (signature[k] + 2 * signature[k + 1] + signature[k + 2]) / 4 : signature[31];
      if (v < l && v <= r && v < -0.1) {
        if (first < 0) first = k;
        last = k;
        count++;
      }
    }
    if (count >= 2) {
      const p = (last - first) / (count - 1);
      if (p >= minP && p <= maxP) raw[b] = p;
    }
  }
  const valid: number[] = [];
  for (let b = 0; b < raw.length; b++) if (raw[b] > 0) valid.push(raw[b]);
  valid.sort((a, b) => a - b);
  const median = valid.length ? valid[valid.length >> 1] : 9 * scale;
  const period = new Float32Array(raw.length).fill(median);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      let s = 0;
      let c = 0;
      for (let j = -1; j <= 1; j++) {
        for (let i = -1; i <= 1; i++) {
          const x = bx + i;
          const y = by + j;
          if (x < 0 || y < 0 || x >= cols || y >= rows) continue;
          const v = raw[y * cols + x];
          if (v > 0) {
            s += v;
            c++;
          }
        }
      }
      // Blend towards the median: a lone odd estimate should not retune the filter.
      if (c > 0) period[by * cols + bx] = (s / c) * 0.7 + median * 0.3;
    }
  }
  return { period, median };
}

interface Kernels {
  stride: number;
  along: Int32Array;
  alongWeight: Float32Array;
  across: Int32Array;
  acrossWeights: Float32Array[];
  periods: number;
}

const kernelCache = new Map<string, Kernels>();

function kernelsFor(stride: number, maxPeriod: number): Kernels {
  const key = `${stride}:${maxPeriod}`;
  const cached = kernelCache.get(key);
  if (cached) return cached;
  const alongTaps = 2 * ALONG_RADIUS + 1;
  const acrossTaps = 2 * ACROSS_RADIUS + 1;
  const along = new Int32Array(ORIENTATION_BINS * alongTaps);
  const across = new Int32Array(ORIENTATION_BINS * acrossTaps);
  for (let o = 0; o < ORIENTATION_BINS; o++) {
    const t = (o / ORIENTATION_BINS) * Math.PI;
    const dx = Math.cos(t);
    const dy = Math.sin(t);
    for (let k = -ALONG_RADIUS; k <= ALONG_RADIUS; k++) {
      along[o * alongTaps + k + ALONG_RADIUS] = Math.round(k * dy) * stride + Math.round(k * dx);
    }
    for (let k = -ACROSS_RADIUS; k <= ACROSS_RADIUS; k++) {
      across[o * acrossTaps + k + ACROSS_RADIUS] = Math.round(k * dx) * stride - Math.round(k * dy);
    }
  }
  const alongWeight = new Float32Array(alongTaps);
  let total = 0;
  for (let k = -ALONG_RADIUS; k <= ALONG_RADIUS; k++) {
    alongWeight[k + ALONG_RADIUS] = Math.exp(-(k * k) / (2 * ALONG_SIGMA * ALONG_SIGMA));
    total += alongWeight[k + ALONG_RADIUS];
  }
  for (let k = 0; k < alongTaps; k++) alongWeight[k] /= total;
  const periods = Math.ceil(maxPeriod / PERIOD_STEP) + 1;
  const acrossWeights: Float32Array[] = [];
  for (let p = 0; p < periods; p++) {
    const period = Math.max(3, p * PERIOD_STEP);
    const sigma = period * 0.5;
    const w = new Float32Array(acrossTaps);
    let mean = 0;
    let gauss = 0;
    for (let k = -ACROSS_RADIUS; k <= ACROSS_RADIUS; k++) {
      const g = Math.exp(-(k * k) / (2 * sigma * sigma));
      w[k + ACROSS_RADIUS] = g * Math.cos((2 * Math.PI * k) / period);
      mean += w[k + ACROSS_RADIUS];
      gauss += g;
    }
    // Zero response to a flat area, so brightness differences cannot pass as ridges.
    for (let k = 0; k < acrossTaps; k++) {
      const g = Math.exp(-((k - ACROSS_RADIUS) ** 2) / (2 * sigma * sigma));
      w[k] -= (mean * g) / gauss;
    }
    acrossWeights.push(w);
  }
  const kernels = { stride, along, alongWeight, across, acrossWeights, periods };
  kernelCache.set(key, kernels);
  return kernels;
}

/**
 * Enhances the foreground and returns the ridge map: 1 where a ridge (dark) is, 0 elsewhere, 0 outside
 * the foreground.
 */
export function enhanceAndBinarise(
  norm: Float32Array,
  width: number,
  height: number,
  field: BlockField,
  mask: BlockMask,
  periods: RidgePeriods,
): Uint8Array {
  const { block, cols, rows } = field;
  const pw = width + 2 * PAD;
  const ph = height + 2 * PAD;
  const maxPeriod = 16 * 2;
  const k = kernelsFor(pw, maxPeriod);
  const padded = new Float32Array(pw * ph);
  for (let y = 0; y < height; y++) padded.set(norm.subarray(y * width, (y + 1) * width), (y + PAD) * pw + PAD);

  // Per-pixel orientation bin, from the block field interpolated in doubled-angle space.
  const bins = new Uint8Array(width * height);
  const near = new Uint8Array(cols * rows);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      let any = 0;
      for (let j = -1; j <= 1 && !any; j++) {
        for (let i = -1; i <= 1; i++) {
          const x = bx + i;
          const y = by + j;
          if (x >= 0 && y >= 0 && x < cols && y < rows && mask.foreground[y * cols + x]) {
            any = 1;
            break;
          }
        }
      }
      near[by * cols + bx] = any;
    }
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) / block - 0.5, 0), rows - 1);
    const y0 = fy | 0;
    const y1 = Math.min(y0 + 1, rows - 1);
    const wy = fy - y0;
    const brow = ((y / block) | 0) * cols;
    for (let x = 0; x < width; x++) {
      if (!near[brow + ((x / block) | 0)]) continue;
      const fx = Math.min(Math.max((x + 0.5) / block - 0.5, 0), cols - 1);
      const x0 = fx | 0;
      const x1 = Math.min(x0 + 1, cols - 1);
      const wx = fx - x0;
      const a = y0 * cols + x0;
      const b = y0 * cols + x1;
      const c = y1 * cols + x0;
      const d = y1 * cols + x1;
      const cc = (field.cos2[a] * (1 - wx) + field.cos2[b] * wx) * (1 - wy) + (field.cos2[c] * (1 - wx) + field.cos2[d] * wx) * wy;
      const ss = (field.sin2[a] * (1 - wx) + field.sin2[b] * wx) * (1 - wy) + (field.sin2[c] * (1 - wx) + field.sin2[d] * wx) * wy;
      let t = Math.atan2(ss, cc) / 2;
      if (t < 0) t += Math.PI;
      bins[y * width + x] = Math.round((t / Math.PI) * ORIENTATION_BINS) % ORIENTATION_BINS;
    }
  }

  const alongTaps = 2 * ALONG_RADIUS + 1;
  const smooth = new Float32Array(pw * ph);
  for (let y = 0; y < height; y++) {
    const brow = ((y / block) | 0) * cols;
    for (let x = 0; x < width; x++) {
      if (!near[brow + ((x / block) | 0)]) continue;
      const at = (y + PAD) * pw + x + PAD;
      const base = bins[y * width + x] * alongTaps;
      let s = 0;
      for (let t = 0; t < alongTaps; t++) s += k.alongWeight[t] * padded[at + k.along[base + t]];
      smooth[at] = s;
    }
  }

  const acrossTaps = 2 * ACROSS_RADIUS + 1;
  const ridges = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const brow = ((y / block) | 0) * cols;
    for (let x = 0; x < width; x++) {
      const b = brow + ((x / block) | 0);
      if (!mask.foreground[b]) continue;
      const at = (y + PAD) * pw + x + PAD;
      const base = bins[y * width + x] * acrossTaps;
      const p = Math.min(k.periods - 1, Math.round(periods.period[b] / PERIOD_STEP));
      const w = k.acrossWeights[p];
      let s = 0;
      for (let t = 0; t < acrossTaps; t++) s += w[t] * smooth[at + k.across[base + t]];
      ridges[y * width + x] = s < 0 ? 1 : 0;
    }
  }
  return ridges;
}
