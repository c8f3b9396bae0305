import "server-only";
import type { FingerRepresentation } from "@/lib/biometrics/iso/types";
import { decodeRecordImage } from "./decode-record-image";
import { extractTemplate } from "./extract-template";
import type { FingerTemplate } from "./types";

/** What a finger image yields for comparison: its minutiae template (biometric data: memory only) and quality. */
export interface FingerRecordTemplate {
  template: FingerTemplate;
  /** The record's own quality score of the image (0-100), when it carries one. */
  quality: number | null;
}

/**
 * One MOSIP finger BDB (an ISO/IEC 19794-4 record) → its minutiae template: the first image of the record,
 * decoded to one grey channel (JPEG 2000, WSQ, JPEG or PNG), at the resolution the record declares (500 ppi
 * when it declares none). Runs in the scoring worker (score-worker-entry.ts); pure of any state.
 */
export async function extractFingerRecord(iso: Uint8Array): Promise<FingerRecordTemplate> {
  const { rep, img } = await decodeRecordImage(iso, "Finger", { grey: true });
  return {
    template: extractTemplate({ width: img.width, height: img.height, data: greyOf(img.data, img.channels) }, { ppi: ppiOf(rep) }),
    quality: rep.qualityBlocks[0]?.score ?? null,
  };
}

/** Scale units 1 = pixels per inch, 2 = per centimetre; anything unusable is taken as 500 ppi. */
export function ppiOf(rep: Pick<FingerRepresentation, "scaleUnits" | "imageResolution">): number {
  const res = rep.imageResolution.horizontal;
  if (!(res > 0)) return 500;
  const ppi = rep.scaleUnits === 2 ? Math.round(res * 2.54) : res;
  // A record declaring an absurd resolution would scale every ridge constant with it.
  return ppi >= 250 && ppi <= 1000 ? ppi : 500;
}

/**
 * One grey channel: finger images are grey, but a decoder may hand a grey PNG or JPEG back as RGB(A) (equal
 * channels), so the luma is taken (alpha ignored).
 */
export function greyOf(data: Uint8Array, channels: number): Uint8Array {
  if (channels === 1) return data;
  if (channels < 1 || channels > 4) throw new Error(`a finger image with ${channels} channels`);
  if (channels === 2) {
    const out = new Uint8Array(data.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = data[2 * i];
    return out;
  }
  const out = new Uint8Array(data.length / channels);
  for (let i = 0, j = 0; i < out.length; i++, j += channels) {
    out[i] = (data[j] * 299 + data[j + 1] * 587 + data[j + 2] * 114 + 500) / 1000;
  }
  return out;
}
