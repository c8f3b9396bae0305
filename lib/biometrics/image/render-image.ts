import "server-only";
import { encodeRaster, THUMB_MAX_SIDE, type RenderedImage, type RenderVariant } from "./raster-encoder.mjs";
import type { Raster } from "./raster";

export { THUMB_MAX_SIDE };
export type { RenderedImage, RenderFormat, RenderSize, RenderVariant } from "./raster-encoder.mjs";

/**
 * Encodes pixels for the browser. WebP is the compact display format; PNG is
 * offered for lossless sources when an examiner needs every grey level.
 * Grey input stays single-channel grey. Implementation shared with the
 * decode worker (raster-encoder.mjs).
 */
export function renderImage(raster: Raster, variant: RenderVariant): Promise<RenderedImage> {
  return encodeRaster(raster, variant);
}
