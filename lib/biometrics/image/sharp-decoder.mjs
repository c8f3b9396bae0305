// JPEG / PNG -> 8-bit interleaved pixels via sharp (libvips). Plain
// JavaScript for the same reason as jpeg2000-wasm.mjs: the decode worker
// loads it directly.
//
// libvips picks its loader from the bytes, and it has loaders for SVG, TIFF,
// GIF, HEIF, PDF and more, each a large attack surface of its own. sharp has
// no per-call allow-list of input formats, and sharp.block() is process-wide
// (libvips is loaded once per process): it would also stop the built-in
// simulator, which draws its synthetic faces and documents from SVG in the
// same process. So the allow-list is enforced here, twice: the bytes must
// carry the JPEG or PNG signature the caller expects (checked before sharp
// sees them), and the format libvips reports from the header must be that one
// too (checked before any pixel is decoded).
import sharp from "sharp";
import { checkEncodedImage } from "./image-header.mjs";
import { MAX_RASTER_PIXELS } from "./raster-limits.mjs";

const SIGNATURES = {
  JPEG: [0xff, 0xd8, 0xff],
  PNG: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};
const SHARP_FORMAT = { JPEG: "jpeg", PNG: "png" };

function decodeError(message, cause) {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  error.name = "ImageDecodeError";
  return error;
}

/** Decodes bytes that must be `expected` ("JPEG" or "PNG"); anything else is refused before libvips parses it. */
export async function decodeWithSharp(bytes, expected) {
  const signature = SIGNATURES[expected];
  if (!signature) throw decodeError(`sharp is not allowed to decode ${expected}`);
  if (bytes.length < signature.length || !signature.every((b, i) => bytes[i] === b)) {
    throw decodeError(`image data is not ${expected} (wrong signature); refused without decoding`);
  }
  checkEncodedImage(expected, bytes);
  let image;
  let metadata;
  try {
    image = sharp(bytes, { failOn: "error", limitInputPixels: MAX_RASTER_PIXELS, sequentialRead: true });
    metadata = await image.metadata();
  } catch (cause) {
    throw decodeError(`image decode failed: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
  }
  if (metadata.format !== SHARP_FORMAT[expected]) {
    throw decodeError(`image data is ${metadata.format}, not ${expected}; refused without decoding`);
  }
  try {
    // sharp converts to sRGB on output unless told otherwise; keep grey
    // images single-channel like the JPEG 2000 and WSQ paths do.
    if (metadata.space === "b-w" || metadata.space === "grey16") image.toColourspace("b-w");
    const { data, info } = await image.raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, channels: info.channels, data: new Uint8Array(data) };
  } catch (cause) {
    throw decodeError(`image decode failed: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
  }
}
