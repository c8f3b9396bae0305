import "server-only";
import type { ImageCodec } from "../iso/types";
import { decodeRaw } from "./decode-raw";
import { ImageDecodeError } from "./image-decode-error";
import { decodeJpeg2000 } from "./jpeg2000-wasm.mjs";
import type { Raster } from "./raster";
import { decodeWithSharp } from "./sharp-decoder.mjs";
import { checkEncodedImage } from "./image-header.mjs";
import { checkDeclaredCodec } from "./sniff-codec";

export interface ImageHints {
  /** Codec the record declares; the data's signature must agree (see checkDeclaredCodec). */
  codec: ImageCodec;
  width: number;
  height: number;
  bitDepth: number | null;
  colour: "grey" | "rgb" | "unknown";
}

export interface DecodedImage extends Raster {
  /** Codec actually used. */
  codec: ImageCodec;
  sourceBitDepth: number | null;
  reversible: boolean | null;
}

/** Decodes any ISO image payload to 8-bit pixels on the calling thread. */
export async function decodeImage(bytes: Uint8Array, hints: ImageHints): Promise<DecodedImage> {
  const checked = checkDeclaredCodec(bytes, hints.codec);
  if (!checked.ok) throw new ImageDecodeError(checked.reason);
  const codec = checked.codec;
  switch (codec) {
    case "JPEG2000": {
      const r = await decodeJpeg2000(bytes);
      return { ...r, codec };
    }
    case "JPEG":
    case "PNG":
      return { ...(await decodeWithSharp(bytes, codec)), codec, sourceBitDepth: null, reversible: null };
    case "WSQ":
      checkEncodedImage("WSQ", bytes);
      return { ...(await decodeWsqImage(bytes)), codec, sourceBitDepth: 8, reversible: null };
    case "RAW":
    case "RAW_PACKED":
      return {
        ...decodeRaw(bytes, { ...hints, packed: codec === "RAW_PACKED" }),
        codec,
        sourceBitDepth: hints.bitDepth,
        reversible: null,
      };
    case "JPEG_LS":
      throw new ImageDecodeError("JPEG-LS images are not supported (no decoder available)");
    default:
      throw new ImageDecodeError("image data is in an unknown format (unrecognised compression code and signature)");
  }
}

/**
 * The WSQ decoder is loaded on first use so that a missing or broken WSQ
 * module only disables WSQ previews rather than all image decoding.
 */
async function decodeWsqImage(bytes: Uint8Array): Promise<Raster> {
  let wsq: typeof import("@/lib/biometrics/wsq/decode-wsq");
  try {
    wsq = await import("@/lib/biometrics/wsq/decode-wsq");
  } catch (cause) {
    throw new ImageDecodeError("WSQ decoder not available", { cause });
  }
  try {
    const image = wsq.decodeWsq(bytes);
    return { width: image.width, height: image.height, channels: 1, data: image.pixels };
  } catch (cause) {
    throw new ImageDecodeError(`WSQ decode failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
