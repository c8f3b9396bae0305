// Raster -> browser image (WebP or PNG) at thumbnail or full size. Plain
// JavaScript so the decode worker can load it; types in the .d.mts file.
import sharp from "sharp";

/** Longest side of a thumbnail, in pixels. */
export const THUMB_MAX_SIDE = 256;
const WEBP_QUALITY = 85;

const MIME = { webp: "image/webp", png: "image/png" };

export async function encodeRaster(raster, variant) {
  const { width, height, channels, data } = raster;
  let pipeline = sharp(data, { raw: { width, height, channels } });
  if (variant.size === "thumb") {
    pipeline = pipeline.resize({
      width: THUMB_MAX_SIDE,
      height: THUMB_MAX_SIDE,
      fit: "inside",
      withoutEnlargement: true,
    });
  }
  // Without this sharp widens 1-channel input to RGB on output; fingerprints
  // and irises should stay single-channel grey (smaller, and exact in PNG).
  if (channels <= 2) pipeline = pipeline.toColourspace("b-w");
  pipeline =
    variant.format === "png" ? pipeline.png({ compressionLevel: 6, adaptiveFiltering: false }) : pipeline.webp({ quality: WEBP_QUALITY });
  const { data: out, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return {
    size: variant.size,
    format: variant.format,
    mime: MIME[variant.format],
    width: info.width,
    height: info.height,
    data: out,
  };
}
