import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { readDecision } from "./decision-answer";
import { scoreKnownAnswer } from "./score-known-answer";

export interface TrainingFeedback {
  /** The decision sends MOSIP the true answer. */
  correct: boolean;
  /** The truth, candidate by candidate. */
  truth: { referenceId: string; duplicate: boolean }[];
}

/**
 * The truth of a training case, for its trainee only and only once they have decided it; null for every other
 * case and every other user, so a live case (known-answer or real) answers exactly as before.
 */
export async function trainingFeedback(prisma: PrismaClient, userId: string, caseId: string): Promise<TrainingFeedback | null> {
  const known = await prisma.knownAnswer.findUnique({ where: { caseId }, select: { traineeId: true, duplicatePositions: true } });
  if (!known || known.traineeId !== userId) return null;
  const decision = await prisma.decision.findFirst({ where: { caseId, userId }, select: { body: true } });
  if (!decision) return null;
  const candidates = await prisma.candidate.findMany({
    where: { caseId },
    orderBy: { position: "asc" },
    select: { referenceId: true, position: true },
  });
  const truth = candidates.map((c) => ({ referenceId: c.referenceId, duplicate: known.duplicatePositions.includes(c.position) }));
  const score = scoreKnownAnswer(
    { gallery: truth.map((t) => t.referenceId), duplicates: truth.filter((t) => t.duplicate).map((t) => t.referenceId) },
    readDecision(decision.body),
  );
  return { correct: score.correct, truth };
}
