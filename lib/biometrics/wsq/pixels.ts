import type { FrameHeader } from "./tables";

/** Undoes the encoder's normalisation ((pixel - M) / R) and rounds to 8-bit grey. */
export function toPixels(plane: Float32Array, frame: FrameHeader): Uint8Array {
  const out = new Uint8Array(plane.length);
  const { scale, shift } = frame;
  for (let i = 0; i < plane.length; i++) {
    const v = Math.floor(plane[i] * scale + shift + 0.5);
    out[i] = v < 0 ? 0 : Math.min(v, 255);
  }
  return out;
}
