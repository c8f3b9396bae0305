/**
 * Decoded pixels as every decoder in this folder returns them: 8 bits per
 * sample, interleaved, row-major, no padding. Higher bit depths are reduced
 * to 8 bits by the decoders because browsers display 8-bit images anyway.
 */
export interface Raster {
  width: number;
  height: number;
  /** 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA. */
  channels: 1 | 2 | 3 | 4;
  data: Uint8Array;
}

export { MAX_RASTER_PIXELS } from "./raster-limits.mjs";
