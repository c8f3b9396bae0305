import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import { backoffDelayMs } from "@/lib/broker/backoff-delay";
import type { ClaimedDownload } from "./claim-downloads";
import type { FetchOutcome } from "./fetch-datashare";
import { lockCase, settleCaseData } from "@/lib/cases/settle-case-data";

export interface RetryPolicy {
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export type RecordedState = "STORED" | "PENDING" | "FAILED" | "STALE";

/** Stores the outcome of one claimed download and settles its case, in one transaction. */
export async function recordDownloadResult(
  prisma: PrismaClient,
  claimed: ClaimedDownload,
  outcome: FetchOutcome,
  policy: RetryPolicy,
  now: () => Date = () => new Date(),
): Promise<RecordedState> {
  return prisma.$transaction(async (tx) => {
    await lockCase(tx, claimed.caseId);
    const current = await tx.datashareDownload.findUnique({ where: { id: claimed.id }, select: { state: true, attempts: true } });
    // Cancelled by a superseding request, or re-claimed after our lease ran out: the newer owner decides.
    if (current?.state !== "DOWNLOADING" || current.attempts !== claimed.attempts) return "STALE";

    let state: RecordedState;
    if (outcome.ok) {
      state = "STORED";
      await tx.datashareDownload.update({
        where: { id: claimed.id },
        data: {
          state,
          body: outcome.body as Uint8Array<ArrayBuffer>,
          bodySize: outcome.body.length,
          bodySha256: createHash("sha256").update(outcome.body).digest("hex"),
          storedAt: now(),
          leaseUntil: null,
          lastErrorCode: null,
          lastError: null,
        },
      });
    } else {
      const giveUp = outcome.permanent || claimed.attempts >= policy.maxAttempts;
      state = giveUp ? "FAILED" : "PENDING";
      await tx.datashareDownload.update({
        where: { id: claimed.id },
        data: {
          state,
          leaseUntil: null,
          lastErrorCode: outcome.code,
          lastError: outcome.message,
          nextAttemptAt: giveUp
            ? undefined
            : new Date(now().getTime() + backoffDelayMs(claimed.attempts, { baseMs: policy.retryBaseMs, maxMs: policy.retryMaxMs })),
        },
      });
    }
    await settleCaseData(tx, claimed.caseId);
    return state;
  });
}
