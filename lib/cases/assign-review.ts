import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { recordAudit, type AuditEntry } from "@/lib/audit/record-audit";
import { assignmentData, awaitingAssignee, type ReviewLevel } from "./case-lifecycle";

/**
 * Hands a waiting review to a user, in the caller's transaction (under lockAssignment): the case gets its
 * assignee (a primary assignment moves it to IN_PRIMARY), the user's lastAssignedAt moves on, and a
 * case.assigned audit row says who, at which level and how. Only a case still waiting for an assignee at that
 * level is taken (READY, or IN_SECONDARY without a secondary); returns false, writing nothing, otherwise.
 */
export async function assignReview(
  tx: Prisma.TransactionClient,
  a: { caseId: string; level: ReviewLevel; userId: string; now: Date; actor: AuditEntry["actor"]; how: "automatic" | "next-case" },
): Promise<boolean> {
  const done = await tx.case.updateMany({
    where: { id: a.caseId, ...awaitingAssignee(a.level) },
    data: assignmentData(a.level, a.userId, a.now),
  });
  if (done.count !== 1) return false;
  await tx.user.update({ where: { id: a.userId }, data: { lastAssignedAt: a.now } });
  await recordAudit(tx, {
    actor: a.actor,
    action: "case.assigned",
    targetType: "case",
    targetId: a.caseId,
    details: { level: a.level, userId: a.userId, how: a.how },
  });
  return true;
}
