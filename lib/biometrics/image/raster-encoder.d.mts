import type { Raster } from "./raster";

export type RenderSize = "thumb" | "full";
export type RenderFormat = "webp" | "png";

export interface RenderVariant {
  size: RenderSize;
  format: RenderFormat;
}

export interface RenderedImage extends RenderVariant {
  mime: "image/webp" | "image/png";
  width: number;
  height: number;
  data: Buffer;
}

export const THUMB_MAX_SIDE: number;

/** Encodes pixels for the browser; "thumb" fits inside THUMB_MAX_SIDE (never enlarged), "full" keeps the size. */
export function encodeRaster(raster: Raster, variant: RenderVariant): Promise<RenderedImage>;
