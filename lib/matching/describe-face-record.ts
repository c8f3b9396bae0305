import "server-only";
import { decodeRecordImage } from "./decode-record-image";
import { describeFace, type FaceDescription } from "./face-model";

/** What a face record yields for comparison: the descriptor (biometric data: memory only) or why there is none. */
export type FaceRecordDescription = ({ found: true } & FaceDescription) | { found: false };

/**
 * One MOSIP face BDB (an ISO/IEC 19794-5 record) → the descriptor of its first image's face. Runs in the face
 * worker (face-worker-entry.ts); pure of any state but the model.
 */
export async function describeFaceRecord(iso: Uint8Array): Promise<FaceRecordDescription> {
  const { img } = await decodeRecordImage(iso, "Face", { grey: false });
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
