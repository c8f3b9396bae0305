import "server-only";
import { type DecodedImage, decodeImage } from "@/lib/biometrics/image/decode-image";
import { checkEncodedImage, type HeaderCodec } from "@/lib/biometrics/image/image-header.mjs";
import { MAX_IMAGE_SIDE } from "@/lib/biometrics/image/raster-limits.mjs";
import { parseIsoRecord } from "@/lib/biometrics/iso/parse-iso-record";
import type { FaceRepresentation, FingerRepresentation } from "@/lib/biometrics/iso/types";

const HEADER_CODECS = new Set<string>(["JPEG2000", "JPEG", "PNG", "WSQ"]);

interface Representations {
  Face: FaceRepresentation;
  Finger: FingerRepresentation;
}

/**
 * One MOSIP BDB (an ISO/IEC 19794-4/5 record) of the expected modality → its first image decoded, with the
 * representation it came from. The image is checked against the viewer's caps (decode-biometric.ts) before any
 * decoder allocates: records are untrusted. `grey` asks the decoder for one channel (what the minutiae need).
 */
export async function decodeRecordImage<M extends keyof Representations>(
  iso: Uint8Array,
  modality: M,
  { grey }: { grey: boolean },
): Promise<{ rep: Representations[M]; img: DecodedImage }> {
  const record = parseIsoRecord(iso);
  if (record.modality !== modality) throw new Error(`expected a ${modality.toLowerCase()} record, got ${record.modality}`);
  const rep = record.representations[0] as Representations[M] | undefined;
  if (!rep || rep.image.length === 0) throw new Error(`the ${modality.toLowerCase()} record holds no image`);
  if (rep.width > MAX_IMAGE_SIDE || rep.height > MAX_IMAGE_SIDE) {
    throw new Error(`the record declares ${rep.width}x${rep.height} pixels, over the ${MAX_IMAGE_SIDE}x${MAX_IMAGE_SIDE} limit`);
  }
  if (HEADER_CODECS.has(rep.codec)) checkEncodedImage(rep.codec as HeaderCodec, rep.image);
  const img = await decodeImage(rep.image, {
    codec: rep.codec,
    width: rep.width,
    height: rep.height,
    bitDepth: rep.bitDepth,
    colour: grey ? "grey" : rep.colour,
  });
  return { rep, img };
}
