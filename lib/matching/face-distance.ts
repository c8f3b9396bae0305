// Comparing two face descriptors (face-model.ts): the Euclidean distance between the two 128-number vectors, the
// measure the model was trained for (dlib's metric learning, ported by face-api). 0 = the same vector; two
// captures of one person measure ~0.05-0.45, two people ~0.5-1.2 on the model's published tests; its authors'
// threshold is 0.6. Shown to the officer as a similarity = 1 - distance (clamped to 0..1), with bands from the
// distances measured on MOSIP's samples and the simulator (docs/decisions/0026-face-similarity.md).

export function faceDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) throw new Error(`face descriptors of ${a.length} and ${b.length} numbers`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/** Similarity on 0..1 (1 = identical descriptors), rounded to 3 decimals, from a distance. */
export function faceSimilarity(distance: number): number {
  return Math.round(Math.max(0, Math.min(1, 1 - distance)) * 1000) / 1000;
}

/** The code of the error a face job fails with when the model itself could not start (not the image's fault). */
export const FACE_MODEL_UNAVAILABLE = "FACE_MODEL_UNAVAILABLE";

/**
 * At or below this distance the faces are "likely the same person": the simulator's equal-error point (EER 1.7%:
 * ~1% of its different-person pairs are closer; bench:match --face) and far above one MOSIP capture against itself
 * re-encoded (<= 0.16).
 * Stricter than the model's published 0.6, so real same-person pairs taken years apart may fall "inconclusive".
 */
export const FACE_SAME_AT_MOST = 0.35;
/** Above this distance the faces are "likely different people": the model's published threshold. */
export const FACE_DIFFERENT_ABOVE = 0.6;

export type FaceVerdict = "SAME" | "INCONCLUSIVE" | "DIFFERENT";

export function faceVerdict(distance: number): FaceVerdict {
  if (distance <= FACE_SAME_AT_MOST) return "SAME";
  return distance > FACE_DIFFERENT_ABOVE ? "DIFFERENT" : "INCONCLUSIVE";
}
