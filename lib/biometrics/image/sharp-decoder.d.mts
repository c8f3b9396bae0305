import type { Raster } from "./raster";

/** Decodes JPEG or PNG bytes; rejects with an Error named "ImageDecodeError". */
export function decodeWithSharp(bytes: Uint8Array): Promise<Raster>;
