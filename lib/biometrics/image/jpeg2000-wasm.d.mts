import type { Raster } from "./raster";

export interface Jpeg2000Raster extends Raster {
  /** Precision of the stored samples before reduction to 8 bits. */
  sourceBitDepth: number;
  /** True when the codestream used the reversible (lossless-capable) 5/3 wavelet. */
  reversible: boolean;
}

/** Decodes a JP2 file or J2K codestream; rejects with an Error named "ImageDecodeError". */
export function decodeJpeg2000(bytes: Uint8Array): Promise<Jpeg2000Raster>;
