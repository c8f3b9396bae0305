import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCaseImageCache } from "@/lib/biometrics/case-image-cache";
import type { SessionUser } from "@/lib/auth/load-user";
import { DomainError } from "@/lib/errors/domain-error";
import { lockAssignment } from "./operator-pool";

export const releaseBody = z.strictObject({
  reason: z.string().trim().min(1, "say why the case is released").max(500, "must be at most 500 characters"),
});
export type ReleaseInput = z.output<typeof releaseBody>;

/**
 * Gives a case back to the pool: a primary review goes back to READY without an assignee, a secondary
 * review keeps its state with no secondary, and the assigner hands it to whoever is free next (never the
 * primary, which the assigner enforces). The previous assignee loses access at once, as with a reassignment, and the
 * case's decrypted data leaves memory.
 * Under the assignment lock, so it cannot interleave with the assigner or a claim.
 */
export async function releaseCase(
  prisma: PrismaClient,
  actor: SessionUser,
  caseId: string,
  input: ReleaseInput,
): Promise<{ level: "PRIMARY" | "SECONDARY"; state: string }> {
  const released = await prisma.$transaction(async (tx) => {
    await lockAssignment(tx);
    const c = await tx.case.findUnique({
      where: { id: caseId },
      select: { state: true, primaryAssigneeId: true, secondaryAssigneeId: true },
    });
    if (!c) throw new DomainError("not_found", "no such case");
    if (c.state === "IN_PRIMARY") {
      await tx.case.update({ where: { id: caseId }, data: { state: "READY", primaryAssigneeId: null, primaryAssignedAt: null } });
      await recordAudit(tx, {
        actor,
        action: "case.released",
        targetType: "case",
        targetId: caseId,
        details: { level: "PRIMARY", from: c.primaryAssigneeId, reason: input.reason },
      });
      return { level: "PRIMARY" as const, state: "READY" };
    }
    if (c.state === "IN_SECONDARY" && c.secondaryAssigneeId) {
      await tx.case.update({ where: { id: caseId }, data: { secondaryAssigneeId: null, secondaryAssignedAt: null } });
      await recordAudit(tx, {
        actor,
        action: "case.released",
        targetType: "case",
        targetId: caseId,
        details: { level: "SECONDARY", from: c.secondaryAssigneeId, reason: input.reason },
      });
      return { level: "SECONDARY" as const, state: "IN_SECONDARY" };
    }
    if (c.state === "IN_SECONDARY")
      throw new DomainError("conflict", "the case has no secondary reviewer to release: it is already waiting for one");
    throw new DomainError("conflict", `a ${c.state.toLowerCase().replace(/_/g, " ")} case is not held by anyone`);
  });
  // Like a reassignment: what was in memory for the previous reviewer goes.
  getCaseImageCache().dropCase(caseId);
  return released;
}
