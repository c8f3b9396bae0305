// JPEG / PNG -> 8-bit interleaved pixels via sharp (libvips). Plain
// JavaScript for the same reason as jpeg2000-wasm.mjs: the decode worker
// loads it directly.
import sharp from "sharp";
import { MAX_RASTER_PIXELS } from "./raster-limits.mjs";

export async function decodeWithSharp(bytes) {
  try {
    const image = sharp(bytes, { failOn: "error", limitInputPixels: MAX_RASTER_PIXELS });
    const { space } = await image.metadata();
    // sharp converts to sRGB on output unless told otherwise; keep grey
    // images single-channel like the JPEG 2000 and WSQ paths do.
    if (space === "b-w" || space === "grey16") image.toColourspace("b-w");
    const { data, info } = await image.raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, channels: info.channels, data: new Uint8Array(data) };
  } catch (cause) {
    const error = new Error(`image decode failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    error.name = "ImageDecodeError";
    throw error;
  }
}
