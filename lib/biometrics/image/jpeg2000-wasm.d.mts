import type { Raster } from "./raster";

export interface Jpeg2000Raster extends Raster {
  /** Precision of the stored samples before reduction to 8 bits. */
  sourceBitDepth: number;
  /** True when the codestream used the reversible (lossless-capable) 5/3 wavelet. */
  reversible: boolean;
  /** The image's own size; width/height are smaller after a reduced decode. */
  fullWidth: number;
  fullHeight: number;
  /** Resolution levels dropped (0: full decode; each level halves both sides). */
  reduce: number;
}

export interface Jpeg2000DecodeOptions {
  /** Resolution levels to drop (default 0); at most the codestream's decomposition levels. */
  reduce?: number;
}

/** Decodes a JP2 file or J2K codestream; rejects with an Error named "ImageDecodeError". */
export function decodeJpeg2000(bytes: Uint8Array, options?: Jpeg2000DecodeOptions): Promise<Jpeg2000Raster>;

/** Levels a thumbnail decode may drop while the longest side stays at least `minSide` pixels (0: none). */
export function thumbnailReduction(bytes: Uint8Array, minSide: number): number;
