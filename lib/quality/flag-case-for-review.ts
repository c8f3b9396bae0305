import "server-only";
import type { Prisma, QualityFlagKind } from "@/lib/db/generated/client";

type Tx = Pick<Prisma.TransactionClient, "qualityFlag">;

export interface QualityFlagInput {
  caseId: string;
  /** The decision that raised the flag, when one did. */
  decisionId?: string | null;
  kind: QualityFlagKind;
  /** A short reason made of numbers and field names, never personal data; at most 500 characters. */
  detail: string;
}

/**
 * Marks a case for the supervisor's sample review whatever the random sample draws. Call it with the same
 * transaction client as the decision it concerns, so that a decision is never recorded without its flag.
 * Flagging the same decision twice for the same reason keeps the first flag.
 */
export async function flagCaseForReview(tx: Tx, flag: QualityFlagInput): Promise<void> {
  const detail = flag.detail.slice(0, 500);
  const decisionId = flag.decisionId ?? null;
  const existing = await tx.qualityFlag.findFirst({ where: { caseId: flag.caseId, kind: flag.kind, decisionId } });
  if (existing) return;
  await tx.qualityFlag.create({ data: { caseId: flag.caseId, decisionId, kind: flag.kind, detail } });
}
