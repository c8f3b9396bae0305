/**
 * Exponential backoff: base, 2·base, 4·base … capped at max, with ±20 % jitter so that many clients
 * (or many downloads) that failed together do not retry in lock-step. `attempt` counts from 1.
 */
export function backoffDelayMs(attempt: number, opts: { baseMs: number; maxMs: number }, random: () => number = Math.random): number {
  const n = Math.max(1, Math.floor(attempt));
  // 2^30 already exceeds any sensible cap; clamping the exponent keeps the arithmetic finite.
  const raw = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(n - 1, 30));
  const jittered = raw * (0.8 + 0.4 * random());
  return Math.round(Math.min(opts.maxMs, jittered));
}
