import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { ClaimedDownload } from "./claim-downloads";
import type { FetchOutcome } from "./fetch-datashare";
import type { StoredBody } from "./protect-body";
import { planRetry, type RetrySchedule } from "./plan-retry";
import { lockCase, settleCaseData } from "@/lib/cases/settle-case-data";

export type RetryPolicy = RetrySchedule;

export type RecordedState = "STORED" | "PENDING" | "FAILED" | "STALE";

/** A fetched body (stored as received) or one already protected by protectBody, or a failure. */
export type DownloadOutcome = FetchOutcome | { ok: true; stored: StoredBody };

/** Stores the outcome of one claimed download and settles its case, in one transaction. */
export async function recordDownloadResult(
  prisma: PrismaClient,
  claimed: ClaimedDownload,
  outcome: DownloadOutcome,
  policy: RetryPolicy,
  now: () => Date = () => new Date(),
): Promise<RecordedState> {
  return prisma.$transaction(async (tx) => {
    await lockCase(tx, claimed.caseId);
    if (outcome.ok) {
      const stored: StoredBody =
        "stored" in outcome
          ? outcome.stored
          : {
              body: outcome.body,
              storage: "RECEIVED",
              sha256: createHash("sha256").update(outcome.body).digest("hex"),
              size: outcome.body.length,
            };
      // A body in hand is kept even when our lease ran out and another worker reclaimed the row: that
      // worker's GET would be a further read of a share MOSIP allows to be read only twice. Its own late
      // result then finds the row STORED (stale), and its lease renewal aborts its GET.
      const { count } = await tx.datashareDownload.updateMany({
        where: { id: claimed.id, state: { in: ["DOWNLOADING", "PENDING"] } },
        data: {
          state: "STORED",
          body: stored.body as Uint8Array<ArrayBuffer>,
          bodyStorage: stored.storage,
          bodySize: stored.size,
          bodySha256: stored.sha256,
          storedAt: now(),
          // The URL was a capability to read the share; with the body in hand it is no longer needed.
          url: null,
          leaseUntil: null,
          lastErrorCode: null,
          lastError: null,
        },
      });
      if (count === 0) return "STALE";
      await settleCaseData(tx, claimed.caseId);
      return "STORED";
    }

    const retryAt = outcome.permanent ? null : planRetry(policy, claimed.attempts, claimed.firstSeenAt, now());
    const state = retryAt ? "PENDING" : "FAILED";
    // A failure only counts if the row is still this attempt's: cancelled by a superseding request, or
    // re-claimed after our lease ran out, the newer owner decides. The condition is in the UPDATE itself
    // so that a concurrent reclaim cannot slip in between a check and the write.
    const { count } = await tx.datashareDownload.updateMany({
      where: { id: claimed.id, state: "DOWNLOADING", attempts: claimed.attempts },
      data: {
        state,
        leaseUntil: null,
        lastErrorCode: outcome.code,
        lastError: outcome.message,
        ...(retryAt ? { nextAttemptAt: retryAt } : {}),
      },
    });
    if (count === 0) return "STALE";
    await settleCaseData(tx, claimed.caseId);
    return state;
  });
}
