// Test-only helpers to derive malformed or unusual records from real samples.

/** Copy of buf with a big-endian unsigned integer of `width` bytes written at `at`. */
export function withUint(buf: Uint8Array, at: number, width: 1 | 2 | 4, value: number): Buffer {
  const out = Buffer.from(buf);
  out.writeUIntBE(value, at, width);
  return out;
}

/** Copy of buf with `delta` added to each u32 length field at the given offsets. */
export function adjustU32(buf: Uint8Array, offsets: number[], delta: number): Buffer {
  const out = Buffer.from(buf);
  for (const at of offsets) out.writeUInt32BE(out.readUInt32BE(at) + delta, at);
  return out;
}

export function insertBytes(buf: Uint8Array, at: number, bytes: Uint8Array): Buffer {
  return Buffer.concat([buf.subarray(0, at), bytes, buf.subarray(at)]);
}

export function removeBytes(buf: Uint8Array, at: number, count: number): Buffer {
  return Buffer.concat([buf.subarray(0, at), buf.subarray(at + count)]);
}

/**
 * A FAC 030 sample (one representation, no landmarks, image at `imageOffset`)
 * with its image replaced by `image` and its image data type set to `codecCode`
 * (0 JPEG, 1/2 JPEG 2000, 3 PNG); every length field follows.
 */
export function withFaceImage(face: Uint8Array, imageOffset: number, image: Uint8Array, codecCode: number): Buffer {
  const src = Buffer.from(face);
  const oldLength = src.readUInt32BE(imageOffset - 4);
  const delta = image.length - oldLength;
  const out = Buffer.concat([src.subarray(0, imageOffset), image, src.subarray(imageOffset + oldLength)]);
  out.writeUInt32BE(image.length, imageOffset - 4);
  out.writeUInt8(codecCode, FACE_CODEC_AT);
  // Record length (offset 8) and the representation's length (offset 17).
  return adjustU32(out, [8, 17], delta);
}

/** Image data type of the first representation of a FAC 030 record without landmarks or a second quality block. */
const FACE_CODEC_AT = 59;

/** Replaces the base64 of the `n`-th <BDB> (0-based, document order) of a CBEFF XML document. */
export function withBdb(xml: string, n: number, record: Uint8Array): string {
  let seen = -1;
  return xml.replace(/(<(?:\w+:)?BDB>)[^<]*(<\/(?:\w+:)?BDB>)/g, (whole, open: string, close: string) => {
    seen += 1;
    return seen === n ? `${open}${Buffer.from(record).toString("base64")}${close}` : whole;
  });
}
