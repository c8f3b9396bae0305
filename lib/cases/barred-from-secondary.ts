import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

/** Why a user may not review a case blind: they made one of its decisions, or saw the primary's as supervisor. */
export type SecondaryBar = "decided" | "saw-verdict";

/**
 * Four eyes, in one place: for each case, the users who may not take its secondary review. A secondary must
 * not know the primary's verdict, so the rule is read from what happened, never from the assignee columns
 * (which reassignment and release rewrite): everyone with a Decision on the case, and everyone recorded in
 * CaseExposure (opened it with cases.viewAll while the primary's decision existed). Roles do not enter into
 * it, so no combination of roles, local or from OIDC claims, gets around it.
 *
 * Every path that hands out or records a secondary review calls this: the automatic assigner
 * (assign-cases.ts), the hand-over after a primary decision and the secondary's decision itself
 * (record-decision.ts), "Next case" (claim-next-case.ts) and reassignment, single and bulk (reassign-case.ts).
 * Call it inside the transaction that holds lockAssignment, so the answer cannot go stale before it is used.
 */
export async function barredFromSecondary(
  tx: Prisma.TransactionClient,
  caseIds: readonly string[],
): Promise<Map<string, Map<string, SecondaryBar>>> {
  const barred = new Map<string, Map<string, SecondaryBar>>(caseIds.map((id) => [id, new Map()]));
  if (!caseIds.length) return barred;
  const where = { caseId: { in: [...caseIds] } };
  const [exposures, decisions] = await Promise.all([
    tx.caseExposure.findMany({ where, select: { caseId: true, userId: true } }),
    tx.decision.findMany({ where, select: { caseId: true, userId: true } }),
  ]);
  // Decisions last: "decided" is the stronger reason and the one the refusal names.
  for (const e of exposures) barred.get(e.caseId)?.set(e.userId, "saw-verdict");
  for (const d of decisions) barred.get(d.caseId)?.set(d.userId, "decided");
  return barred;
}

/** Why this user may not review this case blind, or null if they may (one case, one user: barredFromSecondary). */
export async function secondaryBar(tx: Prisma.TransactionClient, caseId: string, userId: string): Promise<SecondaryBar | null> {
  return (await barredFromSecondary(tx, [caseId])).get(caseId)?.get(userId) ?? null;
}

/** The refusal, in the words an officer or supervisor sees. */
export function secondaryBarMessage(bar: SecondaryBar): string {
  return bar === "decided"
    ? "the primary reviewer cannot also be the secondary"
    : "that user has seen the primary's verdict and cannot review the case blind";
}
