import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { SessionUser } from "@/lib/auth/load-user";
import { getAdjudicationSettings } from "@/lib/settings/adjudication-settings";
import { assignReview } from "./assign-review";
import { awaitingAssignee, heldBy, levelAwaited, type ReviewLevel } from "./case-lifecycle";
import { lockAssignment, operatorPool } from "./operator-pool";

export type NextCase = { caseId: string; level: ReviewLevel } | null;

/**
 * "Next case": the most urgent case already waiting for the caller, or else the most urgent unassigned case
 * they may take (never the secondary review of a case they decided as primary), within their cap.
 */
export async function claimNextCase(prisma: PrismaClient, user: SessionUser, now = new Date()): Promise<NextCase> {
  return prisma.$transaction(async (tx) => {
    const order = [{ deadlineAt: { sort: "asc" as const, nulls: "last" as const } }, { receivedAt: "asc" as const }];
    const mine = await tx.case.findFirst({
      where: heldBy(user.id),
      orderBy: order,
      select: { id: true, state: true },
    });
    // A held case is IN_PRIMARY or IN_SECONDARY, so it always awaits a level.
    if (mine) return { caseId: mine.id, level: levelAwaited(mine.state) ?? "SECONDARY" };

    await lockAssignment(tx);
    const settings = await getAdjudicationSettings(tx);
    for (const level of ["SECONDARY", "PRIMARY"] as const) {
      // Secondary reviews first: the case has already waited through a primary review.
      const [me] = await operatorPool(tx, level, user.id);
      if (!me || me.openCases >= (me.cap ?? settings.defaultCaseCap)) continue;
      const c = await tx.case.findFirst({
        where: level === "PRIMARY" ? awaitingAssignee(level) : { ...awaitingAssignee(level), NOT: { primaryAssigneeId: user.id } },
        orderBy: order,
        select: { id: true },
      });
      if (!c) continue;
      if (!(await assignReview(tx, { caseId: c.id, level, userId: user.id, now, actor: user, how: "next-case" }))) continue;
      return { caseId: c.id, level };
    }
    return null;
  });
}
