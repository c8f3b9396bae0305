import "server-only";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { SessionUser } from "@/lib/auth/load-user";
import { getAdjudicationSettings } from "@/lib/settings/adjudication-settings";
import { getGuardSettings } from "@/lib/settings/guard-settings";
import { assignReview } from "./assign-review";
import { barredFromSecondary } from "./barred-from-secondary";
import { awaitingAssignee, heldBy, levelAwaited, type ReviewLevel } from "./case-lifecycle";
import { lockAssignment, operatorPool } from "./operator-pool";
import { assertUnderWorkLimits } from "./work-status";

export type NextCase = { caseId: string; level: ReviewLevel } | null;

/**
 * "Next case": the most urgent case already waiting for the caller, or else the most urgent unassigned case
 * they may take (never the secondary review of a case they decided or whose primary verdict they saw:
 * barredFromSecondary), within their cap. New work is refused at a work limit (work_limit_reached, saying which
 * and when work can resume); a case the caller already holds is still given back, to be decided.
 */
export async function claimNextCase(prisma: PrismaClient, user: SessionUser, now = new Date()): Promise<NextCase> {
  return prisma.$transaction(async (tx) => {
    const order = [
      { deadlineAt: { sort: "asc" as const, nulls: "last" as const } },
      { receivedAt: "asc" as const },
      { id: "asc" as const },
    ];
    const mine = await tx.case.findFirst({
      where: heldBy(user.id),
      orderBy: order,
      select: { id: true, state: true },
    });
    // A held case is IN_PRIMARY or IN_SECONDARY, so it always awaits a level.
    if (mine) return { caseId: mine.id, level: levelAwaited(mine.state) ?? "SECONDARY" };

    await lockAssignment(tx);
    const settings = await getAdjudicationSettings(tx);
    await assertUnderWorkLimits(tx, user.id, await getGuardSettings(tx), now);
    for (const level of ["SECONDARY", "PRIMARY"] as const) {
      // Secondary reviews first: the case has already waited through a primary review.
      const [me] = await operatorPool(tx, level, user.id);
      if (!me || me.openCases >= (me.cap ?? settings.defaultCaseCap)) continue;
      const caseId = level === "PRIMARY" ? await firstWaitingPrimary(tx, order) : await firstOpenSecondary(tx, order, user.id);
      if (!caseId) continue;
      if (!(await assignReview(tx, { caseId, level, userId: user.id, now, actor: user, how: "next-case" }))) continue;
      return { caseId, level };
    }
    return null;
  });
}

type Order = Prisma.CaseOrderByWithRelationInput[];

async function firstWaitingPrimary(tx: Prisma.TransactionClient, orderBy: Order): Promise<string | null> {
  return (await tx.case.findFirst({ where: awaitingAssignee("PRIMARY"), orderBy, select: { id: true } }))?.id ?? null;
}

/** The most urgent case waiting for a secondary that this user may review blind, a page of cases at a time. */
async function firstOpenSecondary(tx: Prisma.TransactionClient, orderBy: Order, userId: string): Promise<string | null> {
  const PAGE = 50;
  for (let skip = 0; ; skip += PAGE) {
    const page = await tx.case.findMany({ where: awaitingAssignee("SECONDARY"), orderBy, skip, take: PAGE, select: { id: true } });
    const barred = await barredFromSecondary(
      tx,
      page.map((c) => c.id),
    );
    const open = page.find((c) => !barred.get(c.id)?.has(userId));
    if (open) return open.id;
    if (page.length < PAGE) return null;
  }
}
