// A re-sent request as the lists show it: MOSIP sent the request again under a new requestId, and this case
// replaced the open one(s) (supersession). Times only, no personal data. Client-safe.

export interface ResentSummary {
  /** How many earlier requests this case replaced. */
  replaced: number;
  /** Minutes from the receipt of the first replaced request to the receipt of this one: how long MOSIP waited. */
  waitedMinutes: number;
}

export function summarizeResend(receivedAt: Date, supersedes: readonly { receivedAt: Date }[]): ResentSummary | null {
  if (!supersedes.length) return null;
  const first = Math.min(...supersedes.map((s) => s.receivedAt.getTime()));
  return { replaced: supersedes.length, waitedMinutes: Math.max(0, Math.round((receivedAt.getTime() - first) / 60_000)) };
}
