import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

type Tx = Pick<Prisma.TransactionClient, "knownAnswer">;

/**
 * What the decision path needs to know about a known-answer case, and nothing more: whether it is one (it is
 * then never answered to MOSIP) and whether it is a training case (its trainee's decision closes it). The truth
 * itself stays in the KnownAnswer row, read only by the figures and the trainee's feedback.
 */
export async function knownAnswerKind(tx: Tx, caseId: string): Promise<"LIVE" | "TRAINING" | null> {
  const row = await tx.knownAnswer.findUnique({ where: { caseId }, select: { traineeId: true } });
  if (!row) return null;
  return row.traineeId ? "TRAINING" : "LIVE";
}
