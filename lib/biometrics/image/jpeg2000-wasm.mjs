// JPEG 2000 (JP2 file or raw J2K codestream) -> 8-bit interleaved pixels,
// using OpenJPEG compiled to WebAssembly (@cornerstonejs/codec-openjpeg).
// Plain JavaScript importing only packages and sibling .mjs files, so that the
// decode worker can load it without a TypeScript loader or bundler; types are
// in the .d.mts file.
import { createRequire } from "node:module";
import { checkEncodedImage, readJpeg2000Decompositions } from "./image-header.mjs";

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

/** Side of the image area after dropping `levels` resolution levels (OpenJPEG's ceil division on the reference grid). */
function reducedSide(origin, side, levels) {
  const d = 2 ** levels;
  return Math.ceil((origin + side) / d) - Math.ceil(origin / d);
}

/**
 * How many resolution levels a thumbnail can skip: the most (up to the codestream's decomposition levels) that
 * still leave the longest side at least `minSide` pixels, so the thumbnail is never upscaled from less than it
 * would have had. 0 means a full decode.
 */
export function thumbnailReduction(bytes, minSide) {
  const siz = checkEncodedImage("JPEG2000", bytes);
  const levels = readJpeg2000Decompositions(bytes) ?? 0;
  let reduce = 0;
  while (
    reduce < levels &&
    Math.max(reducedSide(siz.x0 ?? 0, siz.width, reduce + 1), reducedSide(siz.y0 ?? 0, siz.height, reduce + 1)) >= minSide
  ) {
    reduce++;
  }
  return reduce;
}

/**
 * Decodes a JP2 file or J2K codestream. With `reduce` > 0, OpenJPEG decodes only the lower resolution levels
 * (each level halves both sides), which skips most of the work for a thumbnail; the raster then has the reduced
 * size, and `fullWidth`/`fullHeight` keep the image's own.
 */
export async function decodeJpeg2000(bytes, options = {}) {
  const reduce = options.reduce ?? 0;
  // Size, components and precision from the SIZ marker, against the caps,
  // before OpenJPEG allocates anything for them.
  const siz = checkEncodedImage("JPEG2000", bytes);
  if (siz.subsampled) throw fail("subsampled colour components are not supported");
  if (!Number.isInteger(reduce) || reduce < 0 || reduce > 32) throw fail(`invalid resolution reduction ${reduce}`);

  const codec = await loadCodec();
  let decoder = null;
  try {
    decoder = new codec.J2KDecoder();
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    if (reduce > 0) decoder.decodeSubResolution(reduce, 0);
    else decoder.decode();
    // The frame info is the full image's even after a reduced decode; the buffer holds the reduced one.
    const { width: fullWidth, height: fullHeight, bitsPerSample, componentCount, isSigned } = decoder.getFrameInfo();
    if (fullWidth === 0 || fullHeight === 0 || componentCount === 0) {
      throw fail("the codec produced no image (truncated or corrupt data)");
    }
    if (fullWidth !== siz.width || fullHeight !== siz.height || componentCount !== siz.components) {
      throw fail(`decoded size ${fullWidth}x${fullHeight}x${componentCount} differs from the header`);
    }
    if (bitsPerSample < 1 || bitsPerSample > 16) throw fail(`unsupported precision of ${bitsPerSample} bits`);
    const width = reducedSide(siz.x0 ?? 0, fullWidth, reduce);
    const height = reducedSide(siz.y0 ?? 0, fullHeight, reduce);
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
      fullWidth,
      fullHeight,
      reduce,
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
