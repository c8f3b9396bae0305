import type { ImageCodec } from "../iso/types";

const JP2_SIGNATURE = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a];
const J2K_CODESTREAM = [0xff, 0x4f, 0xff, 0x51];
const JPEG_SOI = [0xff, 0xd8, 0xff];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const WSQ_SOI = [0xff, 0xa0];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * Identifies compressed image data by its signature. Records in the field
 * sometimes carry a compression code from the wrong edition of the standard
 * (2005 and 2011 number codecs differently), so the bytes are the better
 * witness. Returns null for RAW data, which has no signature.
 */
export function sniffCodec(bytes: Uint8Array): ImageCodec | null {
  if (startsWith(bytes, JP2_SIGNATURE) || startsWith(bytes, J2K_CODESTREAM)) return "JPEG2000";
  if (startsWith(bytes, PNG_SIGNATURE)) return "PNG";
  if (startsWith(bytes, WSQ_SOI)) return "WSQ";
  if (startsWith(bytes, JPEG_SOI)) return "JPEG";
  return null;
}

/**
 * Pairs of codecs one compression code names in the two editions of the same
 * ISO part (finger code 5: JPEG 2000 lossless in 2011, PNG in 2005; iris
 * codes 10/12: JPEG 2000 vs JPEG-LS, 14/16: PNG vs JPEG 2000). A record
 * written to the other edition declares one and carries the other; every
 * other disagreement between declaration and bytes is refused.
 */
const EDITION_ALIASES: ReadonlyArray<readonly [ImageCodec, ImageCodec]> = [
  ["JPEG2000", "PNG"],
  ["JPEG2000", "JPEG_LS"],
];

function editionAlias(a: ImageCodec, b: ImageCodec): boolean {
  return EDITION_ALIASES.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

export type CodecCheck = { ok: true; codec: ImageCodec } | { ok: false; reason: string };

/**
 * The codec to decode with, or why the bytes are refused. RAW data has no
 * signature, and short signatures (JPEG's FF D8 FF) can occur by chance in
 * pixel data, so a RAW declaration is trusted. Otherwise the bytes must carry
 * the signature of the declared codec (or of its other-edition alias, or any
 * known one when the code is unknown): anything else, an SVG, TIFF or GIF
 * above all, never reaches a decoder.
 */
export function checkDeclaredCodec(bytes: Uint8Array, declared: ImageCodec): CodecCheck {
  if (declared === "RAW" || declared === "RAW_PACKED") return { ok: true, codec: declared };
  const actual = sniffCodec(bytes);
  if (declared === "JPEG_LS" && actual !== "JPEG2000")
    return { ok: false, reason: "JPEG-LS images are not supported (no decoder available)" };
  if (actual === null) {
    if (declared === "UNKNOWN")
      return { ok: false, reason: "image data is in an unknown format (unrecognised compression code and signature)" };
    return {
      ok: false,
      reason: `record declares ${declared} but the image data is not ${declared} (unrecognised signature); refused without decoding`,
    };
  }
  if (actual === declared || declared === "UNKNOWN" || editionAlias(actual, declared)) return { ok: true, codec: actual };
  return { ok: false, reason: `record declares ${declared} but the image data is ${actual}; refused without decoding` };
}
