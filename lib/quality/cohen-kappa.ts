/** Cohen's kappa of two raters over the same items, with what it rests on. */
export interface Kappa {
  /** Null when there is no item, or when chance agreement is total (both raters always gave one same label). */
  kappa: number | null;
  /** Observed agreement p_o. */
  observed: number | null;
  /** Agreement expected by chance p_e, from each rater's own label frequencies. */
  expected: number | null;
  items: number;
}

/**
 * κ = (p_o − p_e) / (1 − p_e), where p_o is the share of items both raters labelled alike and
 * p_e = Σ_k (share of rater A's labels that are k) × (share of rater B's labels that are k).
 * Each pair is [rater A's label, rater B's label] for one item.
 */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): Kappa {
  const n = pairs.length;
  if (n === 0) return { kappa: null, observed: null, expected: null, items: 0 };
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  const observed = agree / n;
  let expected = 0;
  for (const [label, count] of a) expected += (count / n) * ((b.get(label) ?? 0) / n);
  const kappa = expected === 1 ? null : (observed - expected) / (1 - expected);
  return { kappa, observed, expected, items: n };
}
