// JPEG 2000 (JP2 file or raw J2K codestream) -> 8-bit interleaved pixels,
// using OpenJPEG compiled to WebAssembly (@cornerstonejs/codec-openjpeg).
// Plain JavaScript importing only packages and sibling .mjs files, so that the
// decode worker can load it without a TypeScript loader or bundler; types are
// in the .d.mts file.
import { createRequire } from "node:module";
import { MAX_RASTER_PIXELS } from "./raster-limits.mjs";

const require = createRequire(import.meta.url);

let codecPromise = null;

/** Instantiates the wasm module once per thread; a failed start is retried on the next call. */
function loadCodec() {
  if (!codecPromise) {
    codecPromise = Promise.resolve()
      .then(() => require("@cornerstonejs/codec-openjpeg/decodewasmjs"))
      // The emscripten module prints "[INFO] ..." lines to stdout unless given sinks.
      .then((factory) => factory({ print() {}, printErr() {} }))
      .catch((error) => {
        codecPromise = null;
        throw error;
      });
  }
  return codecPromise;
}

function fail(message, cause) {
  const error = new Error(`JPEG 2000 decode failed: ${message}`, cause === undefined ? undefined : { cause });
  error.name = "ImageDecodeError";
  return error;
}

function readU32(b, at) {
  return b[at] * 0x1000000 + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);
}

/**
 * Finds the codestream: the payload of the 'jp2c' box in a JP2 file, or the
 * input itself when it already starts with the SOC marker.
 */
function findCodestream(bytes) {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0x4f) return 0;
  let at = 0;
  while (at + 8 <= bytes.length) {
    let length = readU32(bytes, at);
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    let header = 8;
    if (length === 1) {
      if (at + 16 > bytes.length) break;
      length = readU32(bytes, at + 8) * 0x100000000 + readU32(bytes, at + 12);
      header = 16;
    } else if (length === 0) {
      length = bytes.length - at;
    }
    if (type === "jp2c") return at + header;
    if (length < header) break;
    at += length;
  }
  throw fail("no JPEG 2000 codestream found (neither a JP2 file nor a J2K codestream)");
}

/**
 * Reads image size and component sampling from the SIZ marker before
 * decoding, so oversized or subsampled images are refused without allocating.
 */
function readSiz(bytes) {
  const at = findCodestream(bytes);
  if (at + 42 > bytes.length || bytes[at + 2] !== 0xff || bytes[at + 3] !== 0x51) {
    throw fail("codestream does not start with SOC followed by SIZ");
  }
  const siz = at + 4;
  // Lsiz(2) Rsiz(2) Xsiz Ysiz XOsiz YOsiz XTsiz YTsiz XTOsiz YTOsiz (4 each) Csiz(2), then 3 bytes per component.
  const width = readU32(bytes, siz + 4) - readU32(bytes, siz + 12);
  const height = readU32(bytes, siz + 8) - readU32(bytes, siz + 16);
  const components = (bytes[siz + 36] << 8) | bytes[siz + 37];
  let subsampled = false;
  for (let c = 0; c < components; c++) {
    const p = siz + 38 + c * 3;
    if (p + 2 >= bytes.length) throw fail("SIZ marker is truncated");
    if (bytes[p + 1] !== 1 || bytes[p + 2] !== 1) subsampled = true;
  }
  return { width, height, components, subsampled };
}

/** Reduces samples of any precision (1-16 bits, signed or not) to 0-255. */
function toEightBit(source, bits, signed, count) {
  const out = new Uint8Array(count);
  if (bits <= 8) {
    const offset = signed ? 1 << (bits - 1) : 0;
    const max = (1 << bits) - 1;
    for (let i = 0; i < count; i++) {
      const v = signed ? ((source[i] << 24) >> 24) + offset : source[i];
      out[i] = bits === 8 ? v : Math.round((Math.min(Math.max(v, 0), max) * 255) / max);
    }
    return out;
  }
  // Samples wider than 8 bits come out of the codec as 16-bit little-endian.
  const view = new DataView(source.buffer, source.byteOffset, count * 2);
  const shift = bits - 8;
  const offset = signed ? 1 << (bits - 1) : 0;
  for (let i = 0; i < count; i++) {
    const v = (signed ? view.getInt16(i * 2, true) : view.getUint16(i * 2, true)) + offset;
    out[i] = Math.min(Math.max(v >> shift, 0), 255);
  }
  return out;
}

export async function decodeJpeg2000(bytes) {
  const siz = readSiz(bytes);
  if (siz.width <= 0 || siz.height <= 0 || siz.components < 1 || siz.components > 4) {
    throw fail(`unsupported geometry ${siz.width}x${siz.height} with ${siz.components} component(s)`);
  }
  if (siz.width * siz.height > MAX_RASTER_PIXELS) {
    throw fail(`image is ${siz.width}x${siz.height}, over the ${MAX_RASTER_PIXELS}-pixel limit`);
  }
  if (siz.subsampled) throw fail("subsampled colour components are not supported");

  const codec = await loadCodec();
  let decoder = null;
  try {
    decoder = new codec.J2KDecoder();
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    decoder.decode();
    const { width, height, bitsPerSample, componentCount, isSigned } = decoder.getFrameInfo();
    if (width === 0 || height === 0 || componentCount === 0) {
      throw fail("the codec produced no image (truncated or corrupt data)");
    }
    if (width !== siz.width || height !== siz.height || componentCount !== siz.components) {
      throw fail(`decoded size ${width}x${height}x${componentCount} differs from the header`);
    }
    if (bitsPerSample < 1 || bitsPerSample > 16) throw fail(`unsupported precision of ${bitsPerSample} bits`);
    const count = width * height * componentCount;
    const decoded = decoder.getDecodedBuffer();
    const expected = bitsPerSample > 8 ? count * 2 : count;
    if (decoded.length !== expected) {
      throw fail(`decoded buffer has ${decoded.length} bytes, expected ${expected}`);
    }
    // Copy out of the wasm heap: the view dies with the decoder.
    const data = bitsPerSample === 8 && !isSigned ? decoded.slice() : toEightBit(decoded, bitsPerSample, isSigned, count);
    return {
      width,
      height,
      channels: componentCount,
      data,
      sourceBitDepth: bitsPerSample,
      reversible: Boolean(decoder.getIsReversible()),
    };
  } catch (error) {
    if (error instanceof Error && error.name === "ImageDecodeError") throw error;
    // Emscripten surfaces C++ exceptions as bare numbers, and an abort can
    // leave the instance unusable: start a fresh one on the next call.
    codecPromise = null;
    throw fail("the codec rejected the data", error);
  } finally {
    try {
      decoder?.delete();
    } catch {
      // The instance is already unusable; it has been dropped above.
    }
  }
}
