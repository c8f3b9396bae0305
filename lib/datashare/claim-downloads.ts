import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";

export interface ClaimedDownload {
  id: string;
  caseId: string;
  url: string;
  /** Including this one; recorded results must match it, so a stale worker cannot overwrite a newer try. */
  attempts: number;
  /** When the download was created with its case: the start of the share's validity, as far as we can tell. */
  firstSeenAt: Date;
}

/**
 * Takes up to `limit` due downloads for this worker: PENDING rows whose time has come, and DOWNLOADING
 * rows whose lease ran out (their worker died). SKIP LOCKED lets several workers or app instances share
 * the table without waiting on each other or taking the same row. A reclaim counts as an attempt: the dead
 * worker's GET may have been served (MOSIP's policy allows two reads of a share), and its late result, if
 * it ever comes, no longer matches the attempt number.
 */
export async function claimDownloads(prisma: PrismaClient, limit: number, leaseMs: number): Promise<ClaimedDownload[]> {
  const rows = await prisma.$queryRaw<ClaimedDownload[]>`
    UPDATE "DatashareDownload" AS d
       SET "state" = 'DOWNLOADING',
           "attempts" = d."attempts" + 1,
           "leaseUntil" = now() + (${leaseMs}::int * interval '1 millisecond'),
           "updatedAt" = now()
     WHERE d."id" IN (
       SELECT "id" FROM "DatashareDownload"
        WHERE "url" IS NOT NULL
          AND (("state" = 'PENDING' AND "nextAttemptAt" <= now())
            OR ("state" = 'DOWNLOADING' AND "leaseUntil" < now()))
        ORDER BY "nextAttemptAt"
        LIMIT ${limit}::int
        FOR UPDATE SKIP LOCKED)
    RETURNING d."id"::text AS "id", d."caseId"::text AS "caseId", d."url", d."attempts", d."createdAt" AS "firstSeenAt"`;
  // Driver adapters differ in how a raw timestamptz arrives (Date or string); the schedule needs a Date.
  return rows.map((r) => ({ ...r, firstSeenAt: new Date(r.firstSeenAt) }));
}
