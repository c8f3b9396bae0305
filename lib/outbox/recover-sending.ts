import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * A row still SENDING after `olderThanMs` belongs to a publisher that stopped between handing the
 * message to the broker and recording the receipt (a crash, a kill, a lost database connection). Nobody
 * can tell whether MOSIP got it, and a second answer can fail MOSIP's packet (contract notes 2.4), so it
 * becomes UNCERTAIN and waits for an admin. The age limit must exceed the receipt timeout, so that a
 * living publisher on another process never has its in-flight row taken away.
 */
export async function recoverStaleSending(prisma: PrismaClient, olderThanMs: number, now: Date = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - olderThanMs);
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; caseId: string }[]>`
      UPDATE "OutboxMessage" SET "state" = 'UNCERTAIN',
        "lastError" = 'found SENDING after the publisher stopped: the broker may or may not have received it'
      WHERE "state" = 'SENDING' AND "sendingAt" <= ${cutoff}
      RETURNING "id"::text AS "id", "caseId"::text AS "caseId"`;
    for (const r of rows) {
      await recordAudit(tx, {
        actor: null,
        action: "outbox.uncertain",
        targetType: "outbox",
        targetId: r.id,
        details: { caseId: r.caseId, reason: "found SENDING after a restart" },
      });
    }
    return rows.map((r) => r.id);
  });
}
