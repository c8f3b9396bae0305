import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { getAdjudicationSettings } from "@/lib/settings/adjudication-settings";
import { getGuardSettings } from "@/lib/settings/guard-settings";
import { assignReview } from "./assign-review";
import { barredFromSecondary } from "./barred-from-secondary";
import { awaitingAssignee, levelAwaited } from "./case-lifecycle";
import { chooseOperator } from "./choose-operator";
import { lockAssignment, operatorPool } from "./operator-pool";
import { usersAtWorkLimit } from "./work-status";

/**
 * Hands waiting cases to operators: READY cases get a primary, IN_SECONDARY cases without a secondary get
 * one who may review them blind (barredFromSecondary). Most urgent first (deadline, then age). Operators at a
 * work limit (lib/cases/work-limits.ts) are passed over. Returns how many were assigned; `onAssigned` hears of each
 * assignment after the commit.
 */
export async function assignWaitingCases(
  prisma: PrismaClient,
  now = new Date(),
  batch = 50,
  onAssigned?: (a: { caseId: string; userId: string }) => void,
): Promise<number> {
  const made: { caseId: string; userId: string }[] = [];
  const assigned = await prisma.$transaction(async (tx) => {
    await lockAssignment(tx);
    const settings = await getAdjudicationSettings(tx);
    const waiting = await tx.case.findMany({
      where: { OR: [awaitingAssignee("PRIMARY"), awaitingAssignee("SECONDARY")] },
      orderBy: [{ deadlineAt: { sort: "asc", nulls: "last" } }, { receivedAt: "asc" }],
      take: batch,
      select: { id: true, state: true },
    });
    if (!waiting.length) return 0;
    const barred = await barredFromSecondary(
      tx,
      waiting.filter((c) => c.state === "IN_SECONDARY").map((c) => c.id),
    );
    const pools = [await operatorPool(tx, "PRIMARY"), await operatorPool(tx, "SECONDARY")];
    const resting = await usersAtWorkLimit(tx, [...new Set(pools.flat().map((o) => o.userId))], await getGuardSettings(tx), now);
    const [primaries, secondaries] = pools.map((pool) => pool.filter((o) => !resting.has(o.userId)));
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
      // READY waits for a primary, IN_SECONDARY (the only other state selected) for a secondary.
      const level = levelAwaited(c.state) ?? "SECONDARY";
      const pick = chooseOperator(level === "PRIMARY" ? primaries : secondaries, {
        defaultCap: settings.defaultCaseCap,
        exclude: level === "SECONDARY" ? [...(barred.get(c.id)?.keys() ?? [])] : [],
      });
      if (!pick) continue;
      if (!(await assignReview(tx, { caseId: c.id, level, userId: pick.userId, now, actor: null, how: "automatic" }))) continue;
      bump(pick.userId);
      made.push({ caseId: c.id, userId: pick.userId });
      assigned++;
    }
    return assigned;
  });
  // Only once committed: a rolled-back round assigned nothing.
  for (const a of made) onAssigned?.(a);
  return assigned;
}
