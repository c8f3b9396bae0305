import type { Prisma } from "@/lib/db/generated/client";

// What supervisors and the integration console see of a case still FETCHING while some of its
// downloads fail: since when the MAS has been trying and how often. Codes only, never a URL or an error
// message (which could name an internal host).

/** A download still open that has failed at least once: the worker is retrying it. */
export const FAILING_DOWNLOAD = {
  state: { in: ["PENDING", "DOWNLOADING"] },
  lastErrorCode: { not: null },
} satisfies Prisma.DatashareDownloadWhereInput;

export interface DataRetrySummary {
  /** When the earliest failing download was received: retries are measured from there. */
  since: string;
  /** Attempts of the most-tried failing download. */
  attempts: number;
  /** Its last error code (HTTP_503, NETWORK_ECONNREFUSED, …). */
  code: string | null;
}

export function summarizeDataRetries(
  failing: { createdAt: Date; attempts: number; lastErrorCode: string | null }[],
): DataRetrySummary | null {
  if (failing.length === 0) return null;
  const most = failing.reduce((a, b) => (b.attempts > a.attempts ? b : a));
  const since = Math.min(...failing.map((d) => d.createdAt.getTime()));
  return { since: new Date(since).toISOString(), attempts: most.attempts, code: most.lastErrorCode };
}
