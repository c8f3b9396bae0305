import type { Raster } from "./raster";

/**
 * Decodes bytes that must be `expected`; any other format (SVG, TIFF, GIF...) is refused before libvips
 * parses it. Rejects with an Error named "ImageDecodeError".
 */
export function decodeWithSharp(bytes: Uint8Array, expected: "JPEG" | "PNG"): Promise<Raster>;
