import { backoffDelayMs } from "@/lib/broker/backoff-delay";

// When to try a failed datashare GET again, measured against the share's validity instead of a fixed
// number of attempts: MOSIP keeps a share readable for its policy's validity (30 minutes by default), so
// giving up earlier turns a short datashare outage into DATA_UNAVAILABLE cases that would have recovered.

export interface RetrySchedule {
  /** How long MOSIP keeps a share readable after creating it (MAS_DATASHARE_VALIDITY_SECONDS). */
  validityMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Optional safety cap (MOSIP_DATASHARE_MAX_ATTEMPTS); never lower than attemptsWithinValidity. */
  maxAttempts?: number;
}

/**
 * The last moment a retry may start. MOSIP created the share shortly before its request reached us, so
 * `firstSeenAt` (receipt) is a little late; the margin keeps the last GET inside the validity anyway.
 * Ending a little late only costs one GET answered with DAT-SER-006, which stops at once.
 */
export function retryDeadline(firstSeenAt: Date, validityMs: number): Date {
  return new Date(firstSeenAt.getTime() + validityMs - validityMarginMs(validityMs));
}

/** One minute, or a tenth of a short validity (tests and unusual policies). */
export function validityMarginMs(validityMs: number): number {
  return Math.min(60_000, Math.floor(validityMs / 10));
}

/** The next attempt's time after `attempts` failed ones, or null when the validity is (nearly) spent. */
export function planRetry(
  s: RetrySchedule,
  attempts: number,
  firstSeenAt: Date,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  if (s.maxAttempts !== undefined && attempts >= s.maxAttempts) return null;
  const at = now.getTime() + backoffDelayMs(attempts, { baseMs: s.retryBaseMs, maxMs: s.retryMaxMs }, random);
  return at <= retryDeadline(firstSeenAt, s.validityMs).getTime() ? new Date(at) : null;
}

/**
 * The most attempts the schedule can make within the validity (every delay at its shortest jitter, GETs
 * taking no time). A safety cap below this would stop retrying while the share can still be read.
 */
export function attemptsWithinValidity(s: Omit<RetrySchedule, "maxAttempts">): number {
  const budget = s.validityMs - validityMarginMs(s.validityMs);
  let elapsed = 0;
  let attempts = 1;
  for (;;) {
    const next = elapsed + backoffDelayMs(attempts, { baseMs: s.retryBaseMs, maxMs: s.retryMaxMs }, () => 0);
    if (next > budget) return attempts;
    elapsed = next;
    attempts++;
    // Once at the cap the rest is arithmetic; this also bounds the loop for tiny delays.
    if (backoffDelayMs(attempts, { baseMs: s.retryBaseMs, maxMs: s.retryMaxMs }, () => 0) >= Math.floor(s.retryMaxMs * 0.8)) {
      const step = Math.max(
        1,
        backoffDelayMs(attempts, { baseMs: s.retryBaseMs, maxMs: s.retryMaxMs }, () => 0),
      );
      return attempts + Math.floor((budget - elapsed) / step);
    }
  }
}

/** A clear start-up error when MOSIP_DATASHARE_MAX_ATTEMPTS would undercut the validity budget. */
export function checkAttemptCap(s: RetrySchedule): string | null {
  if (s.maxAttempts === undefined) return null;
  const needed = attemptsWithinValidity(s);
  if (s.maxAttempts >= needed) return null;
  return (
    `MOSIP_DATASHARE_MAX_ATTEMPTS=${s.maxAttempts} would stop retrying a datashare long before its validity ` +
    `(MAS_DATASHARE_VALIDITY_SECONDS=${Math.round(s.validityMs / 1000)}) is spent: unset it (retries then last until the ` +
    `validity is nearly spent) or set at least ${needed}`
  );
}
