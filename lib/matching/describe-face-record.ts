import "server-only";
import { decodeImage } from "@/lib/biometrics/image/decode-image";
import { checkEncodedImage, type HeaderCodec } from "@/lib/biometrics/image/image-header.mjs";
import { MAX_IMAGE_SIDE } from "@/lib/biometrics/image/raster-limits.mjs";
import { parseIsoRecord } from "@/lib/biometrics/iso/parse-iso-record";
import type { FaceRepresentation } from "@/lib/biometrics/iso/types";
import { describeFace, type FaceDescription } from "./face-model";

const HEADER_CODECS = new Set<string>(["JPEG2000", "JPEG", "PNG"]);

/** What a face record yields for comparison: the descriptor (biometric data: memory only) or why there is none. */
export type FaceRecordDescription = ({ found: true } & FaceDescription) | { found: false };

/**
 * One MOSIP face BDB (an ISO/IEC 19794-5 record) → the descriptor of its first image's face. Runs in the face
 * worker (face-worker-entry.ts); pure of any state but the model.
 */
export async function describeFaceRecord(iso: Uint8Array): Promise<FaceRecordDescription> {
  const record = parseIsoRecord(iso);
  if (record.modality !== "Face") throw new Error(`expected a face record, got ${record.modality}`);
  const rep = record.representations[0] as FaceRepresentation | undefined;
  if (!rep || rep.image.length === 0) throw new Error("the face record holds no image");
  // The same caps as the image viewer (decode-biometric.ts), before any decoder allocates: records are untrusted.
  if (rep.width > MAX_IMAGE_SIDE || rep.height > MAX_IMAGE_SIDE) {
    throw new Error(`the record declares ${rep.width}x${rep.height} pixels, over the ${MAX_IMAGE_SIDE}x${MAX_IMAGE_SIDE} limit`);
  }
  if (HEADER_CODECS.has(rep.codec)) checkEncodedImage(rep.codec as HeaderCodec, rep.image);
  const img = await decodeImage(rep.image, {
    codec: rep.codec,
    width: rep.width,
    height: rep.height,
    bitDepth: rep.bitDepth,
    colour: rep.colour,
  });
  const face = await describeFace({ width: img.width, height: img.height, data: rgbOf(img.data, img.channels) });
  return face ? { found: true, ...face } : { found: false };
}

/** Three interleaved channels, as the model takes them: grey is repeated, alpha dropped. */
export function rgbOf(data: Uint8Array, channels: number): Uint8Array {
  if (channels === 3) return data;
  if (channels < 1 || channels > 4) throw new Error(`a face image with ${channels} channels`);
  const n = data.length / channels;
  const out = new Uint8Array(n * 3);
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    const r = data[j];
    const colour = channels >= 3;
    out[i * 3] = r;
    out[i * 3 + 1] = colour ? data[j + 1] : r;
    out[i * 3 + 2] = colour ? data[j + 2] : r;
  }
  return out;
}
