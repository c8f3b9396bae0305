import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";

/** Decided cases only: a sample is reviewed after the answer has been queued for MOSIP. */
export const REVIEWABLE_STATES = ["DECIDED", "ANSWERED"] as const;

export interface SampleQueueItem {
  caseId: string;
  kind: "ADJUDICATION" | "VERIFICATION";
  reason: "RANDOM" | "FLAGGED";
  decidedAt: string | null;
  flags: { kind: string; detail: string }[];
  decisions: { level: "PRIMARY" | "SECONDARY" | "SUPERVISOR"; username: string }[];
}

/**
 * The supervisor's sample review queue, oldest first: cases drawn at random that nobody has reviewed yet, and
 * every decided case with a QualityFlag that nobody has reviewed yet, whenever the flag was written.
 */
export async function listSampleQueue(prisma: PrismaClient, limit = 200): Promise<SampleQueueItem[]> {
  const rows = await prisma.case.findMany({
    where: {
      state: { in: [...REVIEWABLE_STATES] },
      OR: [{ sampleReview: { outcome: null } }, { sampleReview: null, qualityFlags: { some: {} } }],
    },
    orderBy: [{ decidedAt: "asc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      decidedAt: true,
      sampleReview: { select: { reason: true } },
      qualityFlags: { select: { kind: true, detail: true }, orderBy: { createdAt: "asc" } },
      decisions: { select: { level: true, user: { select: { username: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  return rows.map((r) => ({
    caseId: r.id,
    kind: r.kind,
    reason: r.qualityFlags.length ? "FLAGGED" : (r.sampleReview?.reason ?? "RANDOM"),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    flags: r.qualityFlags,
    decisions: r.decisions.map((d) => ({ level: d.level, username: d.user.username })),
  }));
}
