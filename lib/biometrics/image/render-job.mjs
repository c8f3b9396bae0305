// One unit of image work, identical whether it runs on the calling thread or
// in the decode worker: optionally decode (JPEG 2000 / JPEG / PNG), then
// encode every requested variant.
import { decodeJpeg2000 } from "./jpeg2000-wasm.mjs";
import { encodeRaster } from "./raster-encoder.mjs";
import { decodeWithSharp } from "./sharp-decoder.mjs";

async function decodeEncoded(codec, bytes) {
  if (codec === "JPEG2000") return decodeJpeg2000(bytes);
  if (codec === "JPEG" || codec === "PNG") return decodeWithSharp(bytes);
  const error = new Error(`no decoder for ${codec} in a render job`);
  error.name = "ImageDecodeError";
  throw error;
}

export async function runRenderJob(job) {
  const decoded = job.kind === "raster" ? job.raster : await decodeEncoded(job.codec, job.bytes);
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
