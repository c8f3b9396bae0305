/**
 * When the case must be answered. MOSIP stops waiting when the JMS message expires (its TTL, 5400 s in
 * the reference configuration), and its reprocessor may re-send the packet long before that, so the
 * deadline is the earliest of the broker expiry and requesttime (or our receipt, when requesttime is
 * missing or unreadable) plus the configured window.
 */
export function computeDeadline(input: {
  expiresAt: Date | null;
  requestTime: Date | null;
  receivedAt: Date;
  windowMinutes: number;
}): Date {
  const start = input.requestTime ?? input.receivedAt;
  const byWindow = new Date(start.getTime() + input.windowMinutes * 60_000);
  if (input.expiresAt && input.expiresAt.getTime() < byWindow.getTime()) return input.expiresAt;
  return byWindow;
}
