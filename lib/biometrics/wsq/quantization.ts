import type { QuantTable } from "./tables";
import type { Rect } from "./subbands";

/** Number of coefficients a block carries: untransmitted (Q = 0) subbands contribute none. */
export function blockCoefficientCount(subbands: readonly Rect[], quant: QuantTable, [first, end]: readonly [number, number]): number {
  let n = 0;
  for (let band = first; band < end; band++) if (quant.q[band] !== 0) n += subbands[band].w * subbands[band].h;
  return n;
}

/**
 * Maps quantiser indices back to coefficient values and places them at their subband's position
 * in the coefficient plane. Reconstruction points sit C (the bin centre fraction) of a bin width
 * inside each bin, measured from the edge of the wider zero bin.
 */
export function dequantizeBlock(
  indices: Int32Array,
  plane: Float32Array,
  stride: number,
  subbands: readonly Rect[],
  quant: QuantTable,
  [first, end]: readonly [number, number],
): void {
  const c = quant.binCenter;
  let k = 0;
  for (let band = first; band < end; band++) {
    const q = quant.q[band];
    if (q === 0) continue;
    const halfZero = quant.z[band] / 2;
    const { x, y, w, h } = subbands[band];
    for (let row = y; row < y + h; row++) {
      const base = row * stride;
      for (let col = x; col < x + w; col++) {
        const p = indices[k++];
        plane[base + col] = p > 0 ? q * (p - c) + halfZero : p < 0 ? q * (p + c) - halfZero : 0;
      }
    }
  }
}
