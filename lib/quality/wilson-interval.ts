/** A proportion with its 95% Wilson score interval and the number of trials it rests on. */
export interface Proportion {
  /** successes / n, or null when n is 0 (nothing to say). */
  rate: number | null;
  low: number | null;
  high: number | null;
  successes: number;
  n: number;
}

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * Wilson's score interval: unlike rate ± z·√(rate(1−rate)/n) it stays inside [0, 1] and does not collapse to
 * a width of zero at 0/n or n/n, which is what small per-operator counts give.
 *   centre = (p + z²/2n) / (1 + z²/n),  half-width = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n)
 */
export function wilsonInterval(successes: number, n: number, z = Z95): Proportion {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || n < 0 || successes > n)
    throw new RangeError(`wilsonInterval: need whole numbers 0 ≤ successes ≤ n, got ${successes}/${n}`);
  if (n === 0) return { rate: null, low: null, high: null, successes, n };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At 0/n and n/n the bound is exactly 0 or 1; floating point would give 1e-17 or 0.9999999999999999.
  const low = successes === 0 ? 0 : centre - half;
  const high = successes === n ? 1 : centre + half;
  return { rate: p, low, high, successes, n };
}
