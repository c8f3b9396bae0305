/**
 * The nearest-rank percentile (0 < p ≤ 100): the smallest value with at least p% of the values at or below it.
 * Always a value that occurred, never an interpolation. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be in (0, 100], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}
