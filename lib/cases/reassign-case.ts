import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCaseImageCache } from "@/lib/biometrics/case-image-cache";
import type { SessionUser } from "@/lib/auth/load-user";
import { DomainError } from "@/lib/errors/domain-error";
import { secondaryBar, secondaryBarMessage } from "./barred-from-secondary";
import { assignmentData, levelAwaited } from "./case-lifecycle";
import { lockAssignment, operatorPool } from "./operator-pool";

export const reassignBody = z.strictObject({
  level: z.enum(["PRIMARY", "SECONDARY"]),
  userId: z.uuid(),
  reason: z.string().trim().min(1, "say why the case is reassigned").max(500, "must be at most 500 characters"),
});
export type ReassignInput = z.output<typeof reassignBody>;

/**
 * Moves the review a case is waiting for to another eligible operator. The previous assignee loses access
 * on their next request, because access is decided from the case's current assignee (lib/cases/case-access.ts).
 * What was decrypted and decoded for the case leaves memory with the reassignment (the new reviewer's own
 * prefetch or first view prepares it again). Nobody reassigns a review to themselves: a supervisor can open any case and see its primary verdict, so a
 * review they handed themselves would be neither blind nor chosen by a second person. A secondary review
 * goes only to someone barredFromSecondary allows.
 */
export async function reassignCase(
  prisma: PrismaClient,
  actor: SessionUser,
  caseId: string,
  input: ReassignInput,
  now = new Date(),
): Promise<void> {
  if (input.userId === actor.id) throw new DomainError("forbidden", "you cannot assign a review to yourself", "userId");
  await prisma.$transaction(async (tx) => {
    await lockAssignment(tx);
    const c = await tx.case.findUnique({
      where: { id: caseId },
      select: { state: true, primaryAssigneeId: true, secondaryAssigneeId: true },
    });
    if (!c) throw new DomainError("not_found", "no such case");
    const waitingFor = levelAwaited(c.state);
    if (waitingFor !== input.level) {
      throw new DomainError(
        "conflict",
        waitingFor
          ? `the case is waiting for its ${waitingFor.toLowerCase()} review`
          : `a ${c.state.toLowerCase()} case has no review to reassign`,
        "level",
      );
    }
    const [target] = await operatorPool(tx, input.level, input.userId);
    if (!target)
      throw new DomainError(
        "conflict",
        `that user cannot review at ${input.level.toLowerCase()} level (inactive, no review permission, or not eligible)`,
        "userId",
      );
    if (input.level === "SECONDARY") {
      const bar = await secondaryBar(tx, caseId, input.userId);
      if (bar) throw new DomainError("conflict", secondaryBarMessage(bar), "userId");
    }
    const previous = input.level === "PRIMARY" ? c.primaryAssigneeId : c.secondaryAssigneeId;
    if (previous === input.userId) throw new DomainError("conflict", "the case is already assigned to that user", "userId");
    // Unlike assignReview, a reassignment keeps the user's lastAssignedAt and is audited as case.reassigned.
    await tx.case.update({ where: { id: caseId }, data: assignmentData(input.level, input.userId, now) });
    await recordAudit(tx, {
      actor,
      action: "case.reassigned",
      targetType: "case",
      targetId: caseId,
      details: { level: input.level, from: previous, to: input.userId, reason: input.reason },
    });
  });
  getCaseImageCache().dropCase(caseId);
}
