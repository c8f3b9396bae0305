import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";

export interface ClaimedDownload {
  id: string;
  caseId: string;
  url: string;
  /** Including this one; recorded results must match it, so a stale worker cannot overwrite a newer try. */
  attempts: number;
}

/**
 * Takes up to `limit` due downloads for this worker: PENDING rows whose time has come, and DOWNLOADING
 * rows whose lease ran out (their worker died). SKIP LOCKED lets several workers or app instances share
 * the table without waiting on each other or taking the same row.
 */
export async function claimDownloads(prisma: PrismaClient, limit: number, leaseMs: number): Promise<ClaimedDownload[]> {
  return prisma.$queryRaw<ClaimedDownload[]>`
    UPDATE "DatashareDownload" AS d
       SET "state" = 'DOWNLOADING',
           "attempts" = d."attempts" + 1,
           "leaseUntil" = now() + (${leaseMs}::int * interval '1 millisecond'),
           "updatedAt" = now()
     WHERE d."id" IN (
       SELECT "id" FROM "DatashareDownload"
        WHERE ("state" = 'PENDING' AND "nextAttemptAt" <= now())
           OR ("state" = 'DOWNLOADING' AND "leaseUntil" < now())
        ORDER BY "nextAttemptAt"
        LIMIT ${limit}::int
        FOR UPDATE SKIP LOCKED)
    RETURNING d."id"::text AS "id", d."caseId"::text AS "caseId", d."url", d."attempts"`;
}
