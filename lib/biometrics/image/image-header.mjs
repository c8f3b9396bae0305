// The geometry an encoded image declares in its own header (JPEG 2000 SIZ,
// JPEG SOF, PNG IHDR, WSQ SOF), read without decoding anything, and the caps
// every image must pass before a decoder may allocate for it. Plain
// JavaScript so the decode worker runs the same check as the request thread.
import { MAX_BIT_DEPTH, MAX_COMPONENTS, MAX_ENCODED_IMAGE_BYTES, MAX_IMAGE_SIDE, MAX_RASTER_PIXELS } from "./raster-limits.mjs";

function refuse(message) {
  const error = new Error(message);
  error.name = "ImageDecodeError";
  return error;
}

function u16(b, at) {
  return (b[at] << 8) | b[at + 1];
}

function u32(b, at) {
  return b[at] * 0x1000000 + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);
}

/**
 * Offset of the codestream: the payload of the 'jp2c' box in a JP2 file, or 0
 * when the input already starts with the SOC marker.
 */
export function findJpeg2000Codestream(bytes) {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0x4f) return 0;
  let at = 0;
  while (at + 8 <= bytes.length) {
    let length = u32(bytes, at);
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    let header = 8;
    if (length === 1) {
      if (at + 16 > bytes.length) break;
      length = u32(bytes, at + 8) * 0x100000000 + u32(bytes, at + 12);
      header = 16;
    } else if (length === 0) {
      length = bytes.length - at;
    }
    if (type === "jp2c") return at + header;
    if (length < header) break;
    at += length;
  }
  throw refuse("JPEG 2000 decode failed: no JPEG 2000 codestream found (neither a JP2 file nor a J2K codestream)");
}

/** SIZ marker: image size, components, their precision and sampling. */
export function readJpeg2000Header(bytes) {
  const at = findJpeg2000Codestream(bytes);
  if (at + 42 > bytes.length || bytes[at + 2] !== 0xff || bytes[at + 3] !== 0x51) {
    throw refuse("JPEG 2000 decode failed: codestream does not start with SOC followed by SIZ");
  }
  const siz = at + 4;
  // Lsiz(2) Rsiz(2) Xsiz Ysiz XOsiz YOsiz XTsiz YTsiz XTOsiz YTOsiz (4 each) Csiz(2), then Ssiz XRsiz YRsiz per component.
  const x0 = u32(bytes, siz + 12);
  const y0 = u32(bytes, siz + 16);
  const width = u32(bytes, siz + 4) - x0;
  const height = u32(bytes, siz + 8) - y0;
  const components = u16(bytes, siz + 36);
  let bitDepth = 0;
  let subsampled = false;
  for (let c = 0; c < Math.min(components, MAX_COMPONENTS + 1); c++) {
    const p = siz + 38 + c * 3;
    if (p + 2 >= bytes.length) throw refuse("JPEG 2000 decode failed: SIZ marker is truncated");
    bitDepth = Math.max(bitDepth, (bytes[p] & 0x7f) + 1);
    if (bytes[p + 1] !== 1 || bytes[p + 2] !== 1) subsampled = true;
  }
  return { codec: "JPEG2000", width, height, components, bitDepth, subsampled, x0, y0 };
}

/**
 * The fewest wavelet decomposition levels any component has in the main header (COD, and COC overriding it for
 * one component), or null when the main header says nothing readable. A decoder may drop at most that many
 * resolution levels; tile-part headers may still lower it, which the caller learns from the decoder.
 */
export function readJpeg2000Decompositions(bytes) {
  const at = findJpeg2000Codestream(bytes);
  let p = at + 2;
  let levels = null;
  let components = 0;
  while (p + 4 <= bytes.length && bytes[p] === 0xff) {
    const marker = bytes[p + 1];
    if (marker === 0x90 || marker === 0x93 || marker === 0xd9) break; // SOT, SOD, EOC: the main header is over
    const length = u16(bytes, p + 2);
    if (length < 2 || p + 2 + length > bytes.length) return null;
    if (marker === 0x51) components = u16(bytes, p + 40);
    // COD: Lcod(2) Scod(1) SGcod(4) then SPcod, whose first byte is the number of decomposition levels.
    if (marker === 0x52 && length >= 8) levels = levels === null ? bytes[p + 9] : Math.min(levels, bytes[p + 9]);
    // COC: Lcoc(2) Ccoc(1, or 2 with more than 256 components) Scoc(1) then SPcoc, decomposition levels first.
    if (marker === 0x53) {
      const first = p + 4 + (components > 256 ? 2 : 1) + 1;
      if (first < p + 2 + length) levels = levels === null ? bytes[first] : Math.min(levels, bytes[first]);
    }
    p += 2 + length;
  }
  return levels;
}

// SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
const JPEG_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** JPEG: walks the marker segments from SOI to the first SOF. */
export function readJpegHeader(bytes) {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw refuse("image decode failed: JPEG header is malformed (expected a marker)");
    const code = bytes[at + 1];
    // Fill bytes (FF FF ...) may precede a marker.
    if (code === 0xff) {
      at += 1;
      continue;
    }
    if (code === 0xda || code === 0xd9) break;
    const length = u16(bytes, at + 2);
    if (length < 2) throw refuse("image decode failed: JPEG header is malformed (segment shorter than its length field)");
    if (JPEG_SOF.has(code)) {
      if (at + 10 > bytes.length) break;
      return {
        codec: "JPEG",
        bitDepth: bytes[at + 4],
        height: u16(bytes, at + 5),
        width: u16(bytes, at + 7),
        components: bytes[at + 9],
        subsampled: false,
      };
    }
    at += 2 + length;
  }
  throw refuse("image decode failed: JPEG header has no frame header (SOF) before the image data");
}

const PNG_CHANNELS = { 0: 1, 2: 3, 3: 3, 4: 2, 6: 4 };

/** PNG: the IHDR chunk, which the format requires to come first. */
export function readPngHeader(bytes) {
  if (bytes.length < 33 || String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== "IHDR") {
    throw refuse("image decode failed: PNG header is malformed (no IHDR chunk first)");
  }
  const colourType = bytes[25];
  const components = PNG_CHANNELS[colourType];
  if (components === undefined) throw refuse(`image decode failed: PNG declares an invalid colour type ${colourType}`);
  return { codec: "PNG", width: u32(bytes, 16), height: u32(bytes, 20), components, bitDepth: bytes[24], subsampled: false };
}

/** WSQ: walks the marker segments from SOI to SOF (FFA2: black, white, height, width, ...). */
export function readWsqHeader(bytes) {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw refuse("WSQ decode failed: WSQ header is malformed (expected a marker)");
    const code = bytes[at + 1];
    const length = u16(bytes, at + 2);
    if (code === 0xa2) {
      if (at + 10 > bytes.length) break;
      return { codec: "WSQ", height: u16(bytes, at + 6), width: u16(bytes, at + 8), components: 1, bitDepth: 8, subsampled: false };
    }
    if (code === 0xa3 || code === 0xa1 || length < 2) break;
    at += 2 + length;
  }
  throw refuse("WSQ decode failed: WSQ header has no frame header (SOF) before the image data");
}

const READERS = { JPEG2000: readJpeg2000Header, JPEG: readJpegHeader, PNG: readPngHeader, WSQ: readWsqHeader };

/**
 * Refuses an encoded image whose size in bytes, or whose own header's
 * geometry, is over the caps in raster-limits.mjs: the check every decoder
 * path runs before allocating anything proportional to the declared size.
 * Returns the header. Codecs without a header (RAW) are checked by their
 * decoder from the record's declaration.
 */
export function checkEncodedImage(codec, bytes) {
  if (bytes.length > MAX_ENCODED_IMAGE_BYTES) {
    throw refuse(`image data is ${bytes.length} bytes, over the ${MAX_ENCODED_IMAGE_BYTES}-byte limit`);
  }
  const read = READERS[codec];
  if (!read) throw refuse(`no header reader for ${codec}`);
  const header = read(bytes);
  checkGeometry(header);
  return header;
}

/** Size, components and precision against the caps (also used for the ISO record's own declaration). */
export function checkGeometry({ codec, width, height, components, bitDepth }) {
  const what = `${codec} image`;
  if (!(width > 0 && height > 0)) throw refuse(`${what} declares an invalid size ${width}x${height}`);
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_RASTER_PIXELS) {
    throw refuse(`${what} declares ${width}x${height} pixels, over the ${MAX_IMAGE_SIDE}x${MAX_IMAGE_SIDE} limit`);
  }
  if (components !== undefined && (components < 1 || components > MAX_COMPONENTS)) {
    throw refuse(`${what} declares ${components} colour components (at most ${MAX_COMPONENTS} supported)`);
  }
  if (bitDepth !== undefined && bitDepth !== null && (bitDepth < 1 || bitDepth > MAX_BIT_DEPTH)) {
    throw refuse(`${what} declares ${bitDepth} bits per sample (at most ${MAX_BIT_DEPTH} supported)`);
  }
}
