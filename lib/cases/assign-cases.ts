import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { getAdjudicationSettings } from "@/lib/settings/adjudication-settings";
import { chooseOperator } from "./choose-operator";
import { lockAssignment, operatorPool } from "./operator-pool";

/**
 * Hands waiting cases to operators: READY cases get a primary, IN_SECONDARY cases without a secondary get
 * one who is not their primary. Most urgent first (deadline, then age). Returns how many were assigned.
 */
export async function assignWaitingCases(prisma: PrismaClient, now = new Date(), batch = 50): Promise<number> {
  return prisma.$transaction(async (tx) => {
    await lockAssignment(tx);
    const settings = await getAdjudicationSettings(tx);
    const waiting = await tx.case.findMany({
      where: { OR: [{ state: "READY" }, { state: "IN_SECONDARY", secondaryAssigneeId: null }] },
      orderBy: [{ deadlineAt: { sort: "asc", nulls: "last" } }, { receivedAt: "asc" }],
      take: batch,
      select: { id: true, state: true, primaryAssigneeId: true },
    });
    if (!waiting.length) return 0;
    const primaries = await operatorPool(tx, "PRIMARY");
    const secondaries = await operatorPool(tx, "SECONDARY");
    // One load figure per person, whichever list they are in.
    const bump = (userId: string) => {
      for (const o of [...primaries, ...secondaries])
        if (o.userId === userId) {
          o.openCases += 1;
          o.lastAssignedAt = now;
        }
    };
    let assigned = 0;
    for (const c of waiting) {
      const level = c.state === "READY" ? "PRIMARY" : "SECONDARY";
      const pick = chooseOperator(level === "PRIMARY" ? primaries : secondaries, {
        defaultCap: settings.defaultCaseCap,
        exclude: c.primaryAssigneeId ? [c.primaryAssigneeId] : [],
      });
      if (!pick) continue;
      const data =
        level === "PRIMARY"
          ? { state: "IN_PRIMARY" as const, primaryAssigneeId: pick.userId, primaryAssignedAt: now }
          : { secondaryAssigneeId: pick.userId, secondaryAssignedAt: now };
      const done = await tx.case.updateMany({
        where: { id: c.id, state: c.state, ...(level === "SECONDARY" ? { secondaryAssigneeId: null } : {}) },
        data,
      });
      if (done.count !== 1) continue;
      await tx.user.update({ where: { id: pick.userId }, data: { lastAssignedAt: now } });
      await recordAudit(tx, {
        actor: null,
        action: "case.assigned",
        targetType: "case",
        targetId: c.id,
        details: { level, userId: pick.userId, how: "automatic" },
      });
      bump(pick.userId);
      assigned++;
    }
    return assigned;
  });
}
