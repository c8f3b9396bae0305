import "server-only";
import type { Log } from "@/lib/log/logger";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { ClaimedDownload } from "./claim-downloads";

export interface DownloadLease {
  /** Aborted when the row turns out to be no longer ours: the GET is then pointless. */
  signal: AbortSignal;
  lost(): boolean;
  stop(): void;
}

/**
 * Extends a claimed download's lease while this process works on it, so that the lease itself can be
 * short: a worker that dies (kill -9, crash, lost host) stops renewing and another instance reclaims the
 * row within one lease, instead of waiting out a lease sized for the longest GET. The lease is measured
 * on the database's clock on both sides (claim and renewal), so instances' clocks do not matter.
 */
export function keepDownloadLease(
  prisma: PrismaClient,
  claimed: ClaimedDownload,
  opts: { leaseMs: number; renewMs: number; log: Log },
): DownloadLease {
  const abort = new AbortController();
  let renewing = false;
  let stopped = false;
  const timer = setInterval(async () => {
    // One renewal at a time: a slow database must not pile up UPDATEs.
    if (renewing || stopped) return;
    renewing = true;
    try {
      if (!(await renewLease(prisma, claimed, opts.leaseMs)) && !stopped) {
        opts.log(
          `[datashare] download ${claimed.id} (case ${claimed.caseId}) attempt ${claimed.attempts}: lease lost, GET abandoned`,
          "warn",
        );
        abort.abort();
        clearInterval(timer);
      }
    } catch (e) {
      // The database may be back before the lease ends; the next tick tries again.
      opts.log(`[datashare] lease renewal of download ${claimed.id} failed: ${(e as Error).message.split("\n")[0]}`, "warn");
    } finally {
      renewing = false;
    }
  }, opts.renewMs);
  return {
    signal: abort.signal,
    lost: () => abort.signal.aborted,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/**
 * Pushes the lease forward if the row is still this claim's: same attempt, still DOWNLOADING. False when
 * it was reclaimed after an expired lease, cancelled by a superseding request, or already recorded.
 */
export async function renewLease(prisma: PrismaClient, claimed: ClaimedDownload, leaseMs: number): Promise<boolean> {
  const n = await prisma.$executeRaw`
    UPDATE "DatashareDownload"
       SET "leaseUntil" = now() + (${leaseMs}::int * interval '1 millisecond')
     WHERE "id" = ${claimed.id}::uuid AND "attempts" = ${claimed.attempts}::int AND "state" = 'DOWNLOADING'`;
  return n === 1;
}
