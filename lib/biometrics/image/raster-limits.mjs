// Shared by the TypeScript decoders and the plain-JavaScript ones the worker loads.

/**
 * Upper bound on decoded pixels. MOSIP faces are a few megapixels; the cap
 * stops a small, hostile image header from forcing a multi-gigabyte
 * allocation.
 */
export const MAX_RASTER_PIXELS = 40_000_000;
