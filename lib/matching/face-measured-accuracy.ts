/**
 * The face similarity's measured separation, shown to officers beside the verdicts as what the aid is worth. Copied
 * from the bench:match --face run recorded in docs/decisions/0026-face-similarity.md; update both together.
 */
export const FACE_MEASURED_ACCURACY = {
  measuredOn: "2026-12-02",
  source: "npm run bench:match -- --face (docs/decisions/0026-face-similarity.md)",
  model: "@vladmandic/face-api 1.7.15: SSD MobileNet v1, 68-point landmarks, ResNet-34 descriptor (128 numbers)",
  simulator: {
    persons: 40,
    facesNotFound: 3,
    genuinePairs: 117,
    impostorPairs: 6669,
    eerPercent: 1.71,
    eerDistance: 0.35,
    fnmrAtFmr1Percent: 1.71,
    genuineMedianDistance: 0.187,
    genuineMaxDistance: 0.44,
    impostorMinDistance: 0.282,
    impostorP1Distance: 0.342,
    impostorMedianDistance: 0.488,
  },
  mosipSamples: {
    sameCaptureReencodedMaxDistance: 0.16,
    differentPersonDistance: 0.73,
  },
  caveat:
    "Measured on drawn simulator faces and on MOSIP's two sample people only: no set of real faces of many people was available. " +
    "A verdict is a pointer to where to look, never a reason to decide without looking at the photos.",
} as const;
