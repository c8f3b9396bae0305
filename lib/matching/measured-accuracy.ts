/**
 * The matcher's measured error rates, shown to officers beside the scores as what the aid is worth. Copied from
 * the bench:match run recorded in docs/decisions/0015-fingerprint-matcher.md; update both together.
 */
export const MEASURED_ACCURACY = {
  measuredOn: "2026-12-02",
  source: "npm run bench:match (docs/decisions/0015-fingerprint-matcher.md)",
  synthetic: {
    genuinePairs: 1300,
    impostorPairs: 10000,
    eerPercent: 0.01,
    eerThreshold: 20.4,
    fnmrAtFmr1Percent: 0,
    fnmrAtFmr01Percent: 0,
    genuineMedian: 48.0,
    impostorMedian: 4.2,
  },
  realSamples: {
    distinctFingers: 21,
    impostorMedian: 3.3,
    impostorP95: 10.3,
    impostorMax: 22.5,
    sameCaptureLossyJpeg2000At20To1: 22.6,
  },
  caveat:
    "Synthetic fingers are easier than real ones: on MOSIP's 21 real sample fingers the worst impostor scored 22.5, as high as one " +
    "capture compared with itself through heavy lossy JPEG 2000. Treat a score as a pointer to where to look, not as a verdict.",
} as const;
