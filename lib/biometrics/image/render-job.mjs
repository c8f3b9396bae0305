// One unit of image work, identical whether it runs on the calling thread or
// in the decode worker: optionally decode (JPEG 2000 / JPEG / PNG, or WSQ
// when the caller supplies a WSQ decoder), then encode every requested variant.
import { decodeJpeg2000, thumbnailReduction } from "./jpeg2000-wasm.mjs";
import { checkEncodedImage } from "./image-header.mjs";
import { encodeRaster, THUMB_MAX_SIDE } from "./raster-encoder.mjs";
import { decodeWithSharp } from "./sharp-decoder.mjs";

function decodeError(message, cause) {
  const error = new Error(message, cause === undefined ? undefined : { cause });
  error.name = "ImageDecodeError";
  return error;
}

/**
 * A job that only makes thumbnails decodes JPEG 2000 at the lowest resolution level that still covers a
 * thumbnail (the wavelet's own pyramid), not the full image to shrink it afterwards. A codestream whose tiles
 * allow fewer levels than its main header says is decoded in full instead.
 */
async function decodeJpeg2000For(bytes, variants) {
  const thumbsOnly = variants.length > 0 && variants.every((v) => v.size === "thumb");
  const reduce = thumbsOnly ? thumbnailReduction(bytes, THUMB_MAX_SIDE) : 0;
  if (reduce === 0) return decodeJpeg2000(bytes);
  try {
    return await decodeJpeg2000(bytes, { reduce });
  } catch {
    return decodeJpeg2000(bytes);
  }
}

async function decodeEncoded(codec, bytes, decoders, variants) {
  if (codec === "JPEG2000") return decodeJpeg2000For(bytes, variants);
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
  const decoded = job.kind === "raster" ? job.raster : await decodeEncoded(job.codec, job.bytes, decoders, job.variants);
  const raster = { width: decoded.width, height: decoded.height, channels: decoded.channels, data: decoded.data };
  // Sequential on purpose: sharp already uses its own thread pool per image,
  // and running variants one by one keeps peak memory per job low.
  const images = [];
  for (const variant of job.variants) images.push(await encodeRaster(raster, variant));
  // The image's own size (a reduced JPEG 2000 decode gives a smaller raster), which the record is checked against.
  return {
    width: decoded.fullWidth ?? raster.width,
    height: decoded.fullHeight ?? raster.height,
    reducedBy: decoded.reduce ?? 0,
    channels: raster.channels,
    sourceBitDepth: decoded.sourceBitDepth ?? null,
    reversible: decoded.reversible ?? null,
    images,
  };
}
