/**
 * When the case must be answered: the earliest of
 * - the broker expiry of the request (its JMS TTL, 5400 s in MOSIP's reference configuration): MOSIP stops waiting;
 * - requesttime (or our receipt, when requesttime is missing or unreadable) plus the configured window;
 * - requesttime plus MOSIP's reprocess interval: the reprocessor re-sends the request under a new requestId and
 *   drops an answer to this one (900 s on MOSIP's current defaults; lib/cases/mosip-clock.ts).
 * Queues are ordered by it, so the case MOSIP gives up on first is worked first.
 */
export function computeDeadline(input: {
  expiresAt: Date | null;
  requestTime: Date | null;
  receivedAt: Date;
  windowMinutes: number;
  /** MOSIP_REPROCESS_SECONDS; absent = not taken into account. */
  reprocessSeconds?: number;
}): Date {
  const start = (input.requestTime ?? input.receivedAt).getTime();
  const candidates = [start + input.windowMinutes * 60_000];
  if (input.reprocessSeconds !== undefined) candidates.push(start + input.reprocessSeconds * 1000);
  if (input.expiresAt) candidates.push(input.expiresAt.getTime());
  return new Date(Math.min(...candidates));
}
