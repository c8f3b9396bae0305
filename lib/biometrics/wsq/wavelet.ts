import type { TransformTable } from "./tables";
import type { Layout, Split } from "./subbands";

/**
 * Synthesis filters for the WSQ analysis pair. With the lowpass output taken at even samples and
 * the highpass at odd samples, alias cancellation requires g0(z) = h1(-z) and g1(z) = h0(-z):
 * each synthesis filter is the *other* analysis filter with every odd tap negated. The DTT
 * filters are normalised (DC gain sqrt 2) so no extra scale factor is needed.
 */
export function synthesisFilters(t: TransformTable): { g0: Float64Array; g1: Float64Array } {
  const alternate = (taps: Float64Array) => taps.map((v, k) => (k & 1 ? -v : v));
  return { g0: alternate(t.highpass), g1: alternate(t.lowpass) };
}

/** Taps of one polyphase component: output[i] += weight[t] * band[i + offset[t]]. */
interface Phase {
  readonly offset: Int32Array;
  readonly weight: Float64Array;
}

/**
 * The synthesis sum split by output parity, so the inner loop touches only taps that hit a real
 * (non-upsampled-zero) coefficient: even outputs see even g0 taps and odd g1 taps, odd outputs the
 * reverse.
 */
interface Plan {
  readonly evenLow: Phase;
  readonly evenHigh: Phase;
  readonly oddLow: Phase;
  readonly oddHigh: Phase;
  /** Samples of symmetric extension needed beyond each end of a band. */
  readonly pad: number;
  /** Sum of even g0 taps: what a single-sample line reduces to. */
  readonly lowDc: number;
}

function phase(taps: Float64Array, outputParity: 0 | 1, bandParity: 0 | 1): Phase {
  const offsets: number[] = [];
  const weights: number[] = [];
  const r = taps.length - 1;
  for (let j = -r; j <= r; j++) {
    // Output m reads upsampled position p = m - j; it holds a sample of this band only when p has
    // the band's parity, and then the band index is (p - parity) / 2.
    if ((((outputParity - j) % 2) + 2) % 2 !== bandParity) continue;
    offsets.push((outputParity - j - bandParity) / 2);
    weights.push(taps[Math.abs(j)]);
  }
  return { offset: Int32Array.from(offsets), weight: Float64Array.from(weights) };
}

export function synthesisPlan(t: TransformTable): Plan {
  const { g0, g1 } = synthesisFilters(t);
  let lowDc = 0;
  for (let j = -(g0.length - 1); j < g0.length; j++) if ((j & 1) === 0) lowDc += g0[Math.abs(j)];
  return {
    evenLow: phase(g0, 0, 0),
    evenHigh: phase(g1, 0, 1),
    oddLow: phase(g0, 1, 0),
    oddHigh: phase(g1, 1, 1),
    pad: (Math.max(g0.length, g1.length) >> 1) + 2,
    lowDc,
  };
}

/**
 * Whole-sample symmetric extension about the first and last sample, the extension the odd-length
 * WSQ filters are applied with. It preserves parity, so lowpass (even) and highpass (odd)
 * positions never mix.
 */
function reflect(p: number, n: number): number {
  const period = 2 * (n - 1);
  let q = p % period;
  if (q < 0) q += period;
  return q < n ? q : period - q;
}

/** Copies one band of a line into `dst` with `pad` mirrored samples on each side. */
function extend(src: Float64Array, off: number, len: number, parity: 0 | 1, n: number, pad: number, dst: Float64Array): void {
  for (let k = -pad; k < len + pad; k++) {
    const q = k >= 0 && k < len ? 2 * k + parity : reflect(2 * k + parity, n);
    dst[k + pad] = src[off + ((q - parity) >> 1)];
  }
}

function accumulate(out: Float64Array, start: number, count: number, band: Float64Array, pad: number, ph: Phase): void {
  // Tap-major order keeps the innermost loop free of indirection.
  for (let t = 0; t < ph.offset.length; t++) {
    const wt = ph.weight[t];
    const from = pad + ph.offset[t];
    for (let i = 0; i < count; i++) out[start + 2 * i] += wt * band[from + i];
  }
}

/** Scratch buffers reused across lines so the transform does not allocate per row. */
interface Scratch {
  line: Float64Array;
  out: Float64Array;
  low: Float64Array;
  high: Float64Array;
  /** Copy of one vertical-pass strip of the split's rectangle. */
  region: Float64Array;
}

/**
 * Rebuilds n samples from a line holding ceil(n/2) lowpass and floor(n/2) highpass coefficients
 * (highpass first when the split was spectrally inverted). Result is left in scratch.out.
 */
function synthesizeLine(n: number, inverted: boolean, plan: Plan, s: Scratch): void {
  const { line, out, low, high } = s;
  if (n === 1) {
    // A lone sample has no neighbours to mirror into odd positions: only even g0 taps reach it.
    out[0] = line[0] * plan.lowDc;
    return;
  }
  const lowLen = (n + 1) >> 1;
  const highLen = n >> 1;
  const pad = plan.pad;
  extend(line, inverted ? highLen : 0, lowLen, 0, n, pad, low);
  extend(line, inverted ? 0 : lowLen, highLen, 1, n, pad, high);
  out.fill(0, 0, n);
  accumulate(out, 0, lowLen, low, pad, plan.evenLow);
  accumulate(out, 0, lowLen, high, pad, plan.evenHigh);
  accumulate(out, 1, highLen, low, pad, plan.oddLow);
  accumulate(out, 1, highLen, high, pad, plan.oddHigh);
}

/** Source row (within the split) holding band coefficient k, mirrored when k lies outside the band. */
function bandRow(k: number, len: number, parity: 0 | 1, n: number, off: number): number {
  const q = k >= 0 && k < len ? 2 * k + parity : reflect(2 * k + parity, n);
  return off + ((q - parity) >> 1);
}

/** Columns per vertical-pass strip: bounds scratch memory regardless of image height. */
const STRIP = 64;

/**
 * Vertical synthesis done a strip of rows at a time (rows are contiguous in the plane) instead
 * of gathering single columns: the same arithmetic as synthesizeLine, but cache-friendly.
 */
function synthesizeColumns(plane: Float32Array, stride: number, split: Split, plan: Plan, s: Scratch): void {
  const { x: x0, y, w: fullW, h } = split.rect;
  const src = s.region;
  const acc = s.out;
  const lowLen = (h + 1) >> 1;
  const highLen = h >> 1;
  const lowOff = split.invY ? highLen : 0;
  const highOff = split.invY ? 0 : lowLen;
  for (let x = x0; x < x0 + fullW; x += STRIP) {
    const w = Math.min(STRIP, x0 + fullW - x);
    for (let r = 0; r < h; r++) {
      const from = (y + r) * stride + x;
      for (let c = 0; c < w; c++) src[r * w + c] = plane[from + c];
    }
    if (h === 1) {
      for (let c = 0; c < w; c++) plane[y * stride + x + c] = src[c] * plan.lowDc;
      continue;
    }
    for (let m = 0; m < h; m++) {
      const i = m >> 1;
      const lowPhase = m & 1 ? plan.oddLow : plan.evenLow;
      const highPhase = m & 1 ? plan.oddHigh : plan.evenHigh;
      acc.fill(0, 0, w);
      for (let t = 0; t < lowPhase.offset.length; t++) {
        const row = bandRow(i + lowPhase.offset[t], lowLen, 0, h, lowOff) * w;
        const wt = lowPhase.weight[t];
        for (let c = 0; c < w; c++) acc[c] += wt * src[row + c];
      }
      for (let t = 0; t < highPhase.offset.length; t++) {
        const row = bandRow(i + highPhase.offset[t], highLen, 1, h, highOff) * w;
        const wt = highPhase.weight[t];
        for (let c = 0; c < w; c++) acc[c] += wt * src[row + c];
      }
      const to = (y + m) * stride + x;
      for (let c = 0; c < w; c++) plane[to + c] = acc[c];
    }
  }
}

function inverseSplit(plane: Float32Array, stride: number, split: Split, plan: Plan, s: Scratch): void {
  const { x, y, w, h } = split.rect;
  if (w === 0 || h === 0) return;
  synthesizeColumns(plane, stride, split, plan, s);
  const { line, out } = s;
  for (let row = y; row < y + h; row++) {
    const base = row * stride + x;
    for (let i = 0; i < w; i++) line[i] = plane[base + i];
    synthesizeLine(w, split.invX, plan, s);
    for (let i = 0; i < w; i++) plane[base + i] = out[i];
  }
}

/** Runs the decomposition backwards, finest split first, turning the subband plane into the image. */
export function inverseTransform(plane: Float32Array, width: number, height: number, layout: Layout, t: TransformTable): void {
  const plan = synthesisPlan(t);
  const longest = Math.max(width, height);
  const bandLen = (longest >> 1) + 1 + 2 * plan.pad;
  const s: Scratch = {
    line: new Float64Array(longest),
    out: new Float64Array(Math.max(longest, STRIP)),
    low: new Float64Array(bandLen),
    high: new Float64Array(bandLen),
    region: new Float64Array(height * Math.min(width, STRIP)),
  };
  for (let i = layout.splits.length - 1; i >= 0; i--) inverseSplit(plane, width, layout.splits[i], plan, s);
}
