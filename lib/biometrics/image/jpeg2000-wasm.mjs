// JPEG 2000 (JP2 file or raw J2K codestream) -> 8-bit interleaved pixels,
// using OpenJPEG compiled to WebAssembly (@cornerstonejs/codec-openjpeg).
// Plain JavaScript importing only packages and sibling .mjs files, so that the
// decode worker can load it without a TypeScript loader or bundler; types are
// in the .d.mts file.
import { createRequire } from "node:module";
import { checkEncodedImage } from "./image-header.mjs";

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
  // Size, components and precision from the SIZ marker, against the caps,
  // before OpenJPEG allocates anything for them.
  const siz = checkEncodedImage("JPEG2000", bytes);
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
