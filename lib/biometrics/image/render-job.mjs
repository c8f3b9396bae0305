// One unit of image work, identical whether it runs on the calling thread or
// in the decode worker: optionally decode (JPEG 2000 / JPEG / PNG, or WSQ
// when the caller supplies a WSQ decoder), then encode every requested variant.
import { decodeJpeg2000 } from "./jpeg2000-wasm.mjs";
import { checkEncodedImage } from "./image-header.mjs";
import { encodeRaster } from "./raster-encoder.mjs";
import { decodeWithSharp } from "./sharp-decoder.mjs";

function decodeError(message, cause) {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  error.name = "ImageDecodeError";
  return error;
}

async function decodeEncoded(codec, bytes, decoders) {
  if (codec === "JPEG2000") return decodeJpeg2000(bytes);
  if (codec === "JPEG" || codec === "PNG") return decodeWithSharp(bytes, codec);
  if (codec === "WSQ" && decoders.wsq) {
    checkEncodedImage("WSQ", bytes);
    return decodeWsqWith(decoders.wsq, bytes);
  }
  throw decodeError(`no decoder for ${codec} in a render job`);
}

/**
 * Same result and error wording as decode-image.ts's in-thread WSQ path, so
 * a representation looks identical whichever thread decoded it.
 */
async function decodeWsqWith(loadDecoder, bytes) {
  let decodeWsq;
  try {
    decodeWsq = await loadDecoder();
  } catch (cause) {
    throw decodeError("WSQ decoder not available", cause);
  }
  try {
    const image = decodeWsq(bytes);
    return { width: image.width, height: image.height, channels: 1, data: image.pixels, codec: "WSQ", sourceBitDepth: 8, reversible: null };
  } catch (cause) {
    throw decodeError(`WSQ decode failed: ${cause instanceof Error ? cause.message : String(cause)}`, cause);
  }
}

export async function runRenderJob(job, decoders = {}) {
  const decoded = job.kind === "raster" ? job.raster : await decodeEncoded(job.codec, job.bytes, decoders);
  const raster = { width: decoded.width, height: decoded.height, channels: decoded.channels, data: decoded.data };
  // Sequential on purpose: sharp already uses its own thread pool per image,
  // and running variants one by one keeps peak memory per job low.
  const images = [];
  for (const variant of job.variants) images.push(await encodeRaster(raster, variant));
  return {
    width: raster.width,
    height: raster.height,
    channels: raster.channels,
    sourceBitDepth: decoded.sourceBitDepth ?? null,
    reversible: decoded.reversible ?? null,
    images,
  };
}
