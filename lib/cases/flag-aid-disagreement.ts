import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { flagCaseForReview } from "@/lib/quality/flag-case-for-review";
import { getComparisonAidSettings } from "@/lib/settings/comparison-aid-settings";
import { aidDisagreement } from "./aid-disagreement";
import type { DecisionInput } from "./decision-input";

/**
 * Sends a finally decided case to the supervisor's sample review when its verdicts and the fingerprint scores
 * strongly disagree (aid-disagreement.ts), in the decision's transaction. The answer to MOSIP is unchanged.
 * A case decided before its scores were stored is not flagged.
 */
export async function flagAidDisagreement(
  tx: Prisma.TransactionClient,
  args: { caseId: string; decisionId: string; decision: DecisionInput },
): Promise<boolean> {
  if (!("candidates" in args.decision)) return false;
  const scoring = await tx.fingerScoring.findUnique({ where: { caseId: args.caseId }, select: { state: true } });
  if (scoring?.state !== "DONE") return false;
  // One query at a time: a transaction has one connection.
  const candidates = await tx.candidate.findMany({
    where: { caseId: args.caseId },
    select: { id: true, referenceId: true },
    orderBy: { position: "asc" },
  });
  const rows = await tx.fingerScore.findMany({ where: { caseId: args.caseId } });
  const thresholds = await getComparisonAidSettings(tx);
  const detail = aidDisagreement(args.decision.candidates, candidates, rows, thresholds);
  if (!detail) return false;
  await flagCaseForReview(tx, { caseId: args.caseId, decisionId: args.decisionId, kind: "AID_DISAGREEMENT", detail });
  return true;
}
