import { ImageDecodeError } from "./image-decode-error";
import { MAX_RASTER_PIXELS, type Raster } from "./raster";

export interface RawImageHints {
  width: number;
  height: number;
  /** Bits per pixel as declared by the record (e.g. 8 grey, 24 RGB); per sample for packed grey. */
  bitDepth: number | null;
  colour: "grey" | "rgb" | "unknown";
  /** True for ISO "bit packed" data: samples of bitDepth bits, MSB first, rows padded to a byte. */
  packed: boolean;
}

/**
 * Uncompressed ISO image data. Unpacked data is 8 bits per sample (grey or
 * RGB); packed data holds grey samples narrower than 8 bits, which are
 * stretched to the 0-255 range.
 */
export function decodeRaw(bytes: Uint8Array, hints: RawImageHints): Raster {
  const { width, height } = hints;
  if (width <= 0 || height <= 0) throw new ImageDecodeError(`RAW image has invalid size ${width}x${height}`);
  if (width * height > MAX_RASTER_PIXELS) {
    throw new ImageDecodeError(`RAW image is ${width}x${height}, over the ${MAX_RASTER_PIXELS}-pixel limit`);
  }
  return hints.packed ? unpackGrey(bytes, hints) : copyUnpacked(bytes, hints);
}

function copyUnpacked(bytes: Uint8Array, { width, height, bitDepth, colour }: RawImageHints): Raster {
  const channels = colour === "rgb" || bitDepth === 24 ? 3 : 1;
  const sampleBits = bitDepth === null ? 8 : bitDepth / channels;
  if (sampleBits !== 8) {
    throw new ImageDecodeError(`RAW image with ${bitDepth} bits per pixel is not supported (only 8-bit samples)`);
  }
  const expected = width * height * channels;
  if (bytes.length < expected) {
    throw new ImageDecodeError(`RAW image is truncated: ${width}x${height}x${channels} needs ${expected} bytes, got ${bytes.length}`);
  }
  return { width, height, channels, data: bytes.slice(0, expected) };
}

function unpackGrey(bytes: Uint8Array, { width, height, bitDepth }: RawImageHints): Raster {
  const bits = bitDepth ?? 0;
  if (bits < 1 || bits > 8) throw new ImageDecodeError(`bit-packed RAW image with ${bitDepth} bits per pixel is not supported`);
  const rowBytes = Math.ceil((width * bits) / 8);
  if (bytes.length < rowBytes * height) {
    throw new ImageDecodeError(`bit-packed RAW image is truncated: needs ${rowBytes * height} bytes, got ${bytes.length}`);
  }
  const max = (1 << bits) - 1;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    let bitPos = y * rowBytes * 8;
    for (let x = 0; x < width; x++) {
      let v = 0;
      for (let b = 0; b < bits; b++, bitPos++) {
        v = (v << 1) | ((bytes[bitPos >> 3] >> (7 - (bitPos & 7))) & 1);
      }
      data[y * width + x] = Math.round((v * 255) / max);
    }
  }
  return { width, height, channels: 1, data };
}
