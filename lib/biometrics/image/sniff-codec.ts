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
