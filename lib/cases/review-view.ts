import "server-only";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { ReviewLevel } from "./case-lifecycle";

/**
 * Records the reviewer's first view of the case at the level they hold it, in the caller's transaction (the
 * one writing the case.view audit row). Later views change nothing: the dwell time runs from the first.
 */
export async function recordReviewView(
  tx: Prisma.TransactionClient,
  v: { caseId: string; userId: string; level: ReviewLevel; at: Date },
): Promise<void> {
  await tx.reviewView.createMany({ data: [v], skipDuplicates: true });
}

/** Notes how many modalities the view found for the applicant, once: the dwell formula scales with it. */
export async function noteViewedModalities(
  prisma: PrismaClient,
  v: { caseId: string; userId: string; level: ReviewLevel; modalities: number },
): Promise<void> {
  await prisma.reviewView.updateMany({
    where: { caseId: v.caseId, userId: v.userId, level: v.level, modalities: null },
    data: { modalities: v.modalities },
  });
}
