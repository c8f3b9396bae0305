import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { SessionUser } from "@/lib/auth/load-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";

export interface OutboxBody {
  id: string;
  caseId: string;
  /** The response as sent (candidate RIDs, reviewers' comments); null once purged by retention. */
  body: string | null;
}

/**
 * One response's full body, for someone who may see every case (cases.viewAll): it names the candidates' RIDs
 * and repeats the comments, which the integration console's list deliberately leaves out. The read is audited in
 * the same transaction; a refusal is audited on its own, committed before the 403, like a refused case read.
 */
export async function readOutboxBody(prisma: PrismaClient, user: SessionUser, outboxId: string): Promise<OutboxBody> {
  if (!user.permissions.includes("cases.viewAll")) {
    await recordAudit(prisma, { actor: user, action: "outbox.bodyRefused", targetType: "outbox", targetId: outboxId });
    throw new DomainError("forbidden", "not allowed: a response's body needs permission cases.viewAll");
  }
  return prisma.$transaction(async (tx) => {
    const row = await tx.outboxMessage.findUnique({ where: { id: outboxId }, select: { id: true, caseId: true, body: true } });
    if (!row) throw new DomainError("not_found", "no such outbox message");
    await recordAudit(tx, {
      actor: user,
      action: "outbox.bodyViewed",
      targetType: "outbox",
      targetId: row.id,
      details: { caseId: row.caseId },
    });
    return row;
  });
}
