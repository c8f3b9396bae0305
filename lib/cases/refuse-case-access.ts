import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { SessionUser } from "@/lib/auth/load-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";

export type RefusedRead = "case" | "images" | "document" | "fingerComparison";

/**
 * Records that the user was refused a case (its view, its images, a document or a finger comparison) and returns the error to
 * throw. A refusal changes nothing, so its audit row is written on its own, committed before the request fails:
 * a probing or a reassigned account leaves a trace (ASVS 7.2). Ids only: the subject is "applicant" or a
 * candidate's row id, never a RID.
 */
export async function refuseCaseAccess(
  prisma: Pick<PrismaClient, "auditEvent">,
  user: SessionUser,
  caseId: string,
  what: RefusedRead,
  subject?: string,
): Promise<DomainError> {
  await recordAudit(prisma, {
    actor: user,
    action: "case.accessRefused",
    targetType: "case",
    targetId: caseId,
    details: subject ? { what, subject } : { what },
  });
  return new DomainError("forbidden", what === "case" ? "not allowed: the case is not assigned to you" : "not allowed");
}
