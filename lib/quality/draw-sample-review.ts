import "server-only";
import { randomInt } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import { getQualitySettings } from "@/lib/settings/quality-settings";

type Tx = Pick<Prisma.TransactionClient, "setting" | "knownAnswer" | "sampleReview">;

/**
 * Draws a case closed without a conflict into the supervisor's sample review with probability
 * sampleReviewPercent. Call it in the transaction of the final decision. Flagged cases need no draw (the review
 * queue takes every one of them, lib/quality/list-sample-queue.ts); known-answer cases need none either, their
 * truth already scores them. `draw` returns a number in [0, 100).
 */
export async function drawSampleReview(
  tx: Tx,
  args: { caseId: string; agreed: boolean; now: Date; draw?: () => number },
): Promise<boolean> {
  if (!args.agreed) return false;
  const { sampleReviewPercent } = await getQualitySettings(tx);
  if (sampleReviewPercent <= 0) return false;
  const draw = args.draw ?? (() => randomInt(0, 1_000_000) / 10_000);
  if (draw() >= sampleReviewPercent) return false;
  if (await tx.knownAnswer.findUnique({ where: { caseId: args.caseId }, select: { caseId: true } })) return false;
  await tx.sampleReview.upsert({
    where: { caseId: args.caseId },
    create: { caseId: args.caseId, reason: "RANDOM", sampledAt: args.now },
    update: {},
  });
  return true;
}
