// Decoded greyscale fingerprint -> minutiae template. Every stage is a pure function over typed arrays;
// the order is the classic one (Maltoni et al., Handbook of Fingerprint Recognition, ch. 3).
import { detectMinutiae } from "./detect-minutiae";
import { enhanceAndBinarise, normalise, ridgePeriods } from "./enhance";
import { cleanRidges } from "./clean-ridges";
import { blockOrientationField } from "./orientation-field";
import { segmentBlocks } from "./segment";
import { thinRidges } from "./thin";
import type { FingerTemplate, GreyImage } from "./types";

export interface ExtractOptions {
  /** Pixels per inch of the image; ridge-scale constants assume 500 and are scaled from it. */
  ppi?: number;
  maxMinutiae?: number;
}

export function extractTemplate(image: GreyImage, options: ExtractOptions = {}): FingerTemplate {
  const { width, height, data } = image;
  if (data.length !== width * height) {
    throw new Error(`extractTemplate: expected ${width * height} grey pixels (${width}x${height}), got ${data.length}`);
  }
  const ppi = options.ppi ?? 500;
  const block = Math.max(8, Math.round((16 * ppi) / 500));
  const pixels = Float32Array.from(data);
  const field = blockOrientationField(pixels, width, height, block);
  const mask = segmentBlocks(field);
  const norm = normalise(data, width, height, field);
  const periods = ridgePeriods(norm, width, height, field, mask, ppi);
  const ridges = enhanceAndBinarise(norm, width, height, field, mask, periods);
  cleanRidges(ridges, width, height, Math.round(periods.median * periods.median * 0.6));
  thinRidges(ridges, width, height);
  const minutiae = detectMinutiae(ridges, width, height, field, mask, {
    period: periods.median,
    maxMinutiae: options.maxMinutiae,
  });
  return { width, height, ppi, minutiae };
}
