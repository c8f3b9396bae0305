import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";

export interface ClaimedResponse {
  id: string;
  caseId: string;
  requestId: string;
  destination: string;
  format: "TEXT" | "BYTES";
  body: string;
  /** Counting this attempt. */
  attempts: number;
}

/**
 * Takes due PENDING rows and commits them as SENDING before anything is handed to the broker. That
 * commit is the point of no automatic return: a row found SENDING later (after a crash) may or may not
 * have reached MOSIP, so it becomes UNCERTAIN instead of being sent again (lib/outbox/recover-sending.ts).
 *
 * FOR UPDATE SKIP LOCKED lets several MAS processes on one PostgreSQL share the work without sending a row
 * twice; on the embedded PGlite (one connection) the same statement simply never meets a lock.
 */
export async function claimOutbox(prisma: PrismaClient, limit: number, now: Date = new Date()): Promise<ClaimedResponse[]> {
  return prisma.$transaction(async (tx) => {
    // A superseded case must never be answered: MOSIP has forgotten its requestId, and an answer for it
    // can only confuse. Decisions cannot be recorded on superseded cases, but a supersede racing with a
    // decision could still leave a row behind; it is failed here, visibly, instead of being sent.
    const dead = await tx.$queryRaw<{ id: string; caseId: string }[]>`
      UPDATE "OutboxMessage" o SET "state" = 'FAILED', "lastError" = 'the case was superseded by a newer request; its requestId must never be answered'
      FROM "Case" c
      WHERE c."id" = o."caseId" AND c."state" = 'SUPERSEDED' AND o."state" = 'PENDING'
      RETURNING o."id"::text AS "id", o."caseId"::text AS "caseId"`;
    for (const d of dead) {
      await recordAudit(tx, {
        actor: null,
        action: "outbox.failed",
        targetType: "outbox",
        targetId: d.id,
        details: { caseId: d.caseId, reason: "superseded" },
      });
    }
    return tx.$queryRaw<ClaimedResponse[]>`
      UPDATE "OutboxMessage" o SET "state" = 'SENDING', "sendingAt" = ${now}, "attempts" = o."attempts" + 1
      WHERE o."id" IN (
        SELECT "id" FROM "OutboxMessage"
        WHERE "state" = 'PENDING' AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt", "createdAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING o."id"::text AS "id", o."caseId"::text AS "caseId", o."requestId", o."destination", o."format"::text AS "format", o."body", o."attempts"`;
  });
}
