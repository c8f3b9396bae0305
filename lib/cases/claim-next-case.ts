import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/load-user";
import { getAdjudicationSettings } from "@/lib/settings/adjudication-settings";
import { lockAssignment, operatorPool } from "./operator-pool";

export type NextCase = { caseId: string; level: "PRIMARY" | "SECONDARY" } | null;

/**
 * "Next case": the most urgent case already waiting for the caller, or else the most urgent unassigned case
 * they may take (never the secondary review of a case they decided as primary), within their cap.
 */
export async function claimNextCase(prisma: PrismaClient, user: SessionUser, now = new Date()): Promise<NextCase> {
  return prisma.$transaction(async (tx) => {
    const order = [{ deadlineAt: { sort: "asc" as const, nulls: "last" as const } }, { receivedAt: "asc" as const }];
    const mine = await tx.case.findFirst({
      where: {
        OR: [
          { state: "IN_PRIMARY", primaryAssigneeId: user.id },
          { state: "IN_SECONDARY", secondaryAssigneeId: user.id },
        ],
      },
      orderBy: order,
      select: { id: true, state: true },
    });
    if (mine) return { caseId: mine.id, level: mine.state === "IN_PRIMARY" ? "PRIMARY" : "SECONDARY" };

    await lockAssignment(tx);
    const settings = await getAdjudicationSettings(tx);
    for (const level of ["SECONDARY", "PRIMARY"] as const) {
      // Secondary reviews first: the case has already waited through a primary review.
      const [me] = await operatorPool(tx, level, user.id);
      if (!me || me.openCases >= (me.cap ?? settings.defaultCaseCap)) continue;
      const c = await tx.case.findFirst({
        where:
          level === "PRIMARY"
            ? { state: "READY" }
            : { state: "IN_SECONDARY", secondaryAssigneeId: null, NOT: { primaryAssigneeId: user.id } },
        orderBy: order,
        select: { id: true },
      });
      if (!c) continue;
      const data =
        level === "PRIMARY"
          ? { state: "IN_PRIMARY" as const, primaryAssigneeId: user.id, primaryAssignedAt: now }
          : { secondaryAssigneeId: user.id, secondaryAssignedAt: now };
      const done = await tx.case.updateMany({
        where: {
          id: c.id,
          state: level === "PRIMARY" ? "READY" : "IN_SECONDARY",
          ...(level === "SECONDARY" ? { secondaryAssigneeId: null } : {}),
        },
        data,
      });
      if (done.count !== 1) continue;
      await tx.user.update({ where: { id: user.id }, data: { lastAssignedAt: now } });
      await recordAudit(tx, {
        actor: user,
        action: "case.assigned",
        targetType: "case",
        targetId: c.id,
        details: { level, userId: user.id, how: "next-case" },
      });
      return { caseId: c.id, level };
    }
    return null;
  });
}
