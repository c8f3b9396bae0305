// Verification error rates from genuine and impostor score samples (higher score = more alike):
// FMR(t) = impostors scoring >= t, FNMR(t) = genuines scoring < t, over every observed threshold.

export interface ErrorRates {
  /** Equal error rate, 0..1: where FMR and FNMR cross (their mean at the closest threshold). */
  eer: number;
  eerThreshold: number;
  /** FNMR at the lowest threshold whose FMR is at most the given rate, keyed by that rate. */
  fnmrAt: Map<number, { fnmr: number; threshold: number }>;
}

export function errorRates(
  genuine: readonly number[],
  impostor: readonly number[],
  fmrTargets: readonly number[] = [0.01, 0.001],
): ErrorRates {
  if (genuine.length === 0 || impostor.length === 0) throw new Error("errorRates needs genuine and impostor scores");
  const g = Float64Array.from(genuine).sort();
  const im = Float64Array.from(impostor).sort();
  const thresholds = Array.from(new Set([...g, ...im, Number.POSITIVE_INFINITY])).sort((a, b) => a - b);
  // Count of values strictly below t, by binary search.
  const below = (a: Float64Array, t: number) => {
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let eer = 1;
  let eerThreshold = 0;
  let bestGap = Number.POSITIVE_INFINITY;
  const fnmrAt = new Map<number, { fnmr: number; threshold: number }>();
  for (const t of thresholds) {
    const fmr = (im.length - below(im, t)) / im.length;
    const fnmr = below(g, t) / g.length;
    const gap = Math.abs(fmr - fnmr);
    if (gap < bestGap) {
      bestGap = gap;
      eer = (fmr + fnmr) / 2;
      eerThreshold = t;
    }
    for (const target of fmrTargets) if (!fnmrAt.has(target) && fmr <= target) fnmrAt.set(target, { fnmr, threshold: t });
  }
  return { eer, eerThreshold, fnmrAt };
}
