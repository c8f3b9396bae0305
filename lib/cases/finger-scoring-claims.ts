import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { FingerScoreRow } from "./rank-candidates";
import type { FaceScoreRow } from "./score-case-face";

/** States whose data is ready and whose review is not over: worth scoring. */
export const SCORABLE_STATES = ["READY", "IN_PRIMARY", "IN_SECONDARY", "CONFLICT"] as const;

/** A failed run is tried again this many times in all, a minute apart (a worker restarted under load, say). */
const MAX_ATTEMPTS = 3;
const RETRY_AFTER_MS = 60_000;

/** Cases that need scoring: never scored, a run whose lease ran out, or a failed run with tries left. Oldest first. */
export async function findCasesToScore(prisma: PrismaClient, now: Date, limit: number): Promise<string[]> {
  const rows = await prisma.case.findMany({
    where: {
      state: { in: [...SCORABLE_STATES] },
      OR: [
        { fingerScoring: { is: null } },
        { fingerScoring: { is: { state: "RUNNING", leaseUntil: { lt: now } } } },
        {
          fingerScoring: {
            is: { state: "FAILED", attempts: { lt: MAX_ATTEMPTS }, finishedAt: { lt: new Date(now.getTime() - RETRY_AFTER_MS) } },
          },
        },
      ],
    },
    select: { id: true },
    orderBy: { receivedAt: "asc" },
    take: limit,
  });
  return rows.map((r) => r.id);
}

/**
 * Takes the case's scoring for this run: a claim id only this run holds, or null when another process has it
 * (any number of worker processes may look for work at once).
 */
export async function claimFingerScoring(prisma: PrismaClient, caseId: string, now: Date, leaseMs: number): Promise<string | null> {
  const claim = randomUUID();
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const existing = await prisma.fingerScoring.findUnique({ where: { caseId } });
  if (!existing) {
    const created = await prisma.fingerScoring.createMany({
      data: [{ caseId, state: "RUNNING", claim, leaseUntil, startedAt: now }],
      skipDuplicates: true,
    });
    return created.count === 1 ? claim : null;
  }
  if (existing.state === "DONE") return null;
  if (existing.state === "RUNNING" && existing.leaseUntil && existing.leaseUntil >= now) return null;
  // Conditional on the claim seen, so two processes taking over the same stale run cannot both win.
  const taken = await prisma.fingerScoring.updateMany({
    where: { caseId, claim: existing.claim },
    data: { state: "RUNNING", claim, leaseUntil, startedAt: now, finishedAt: null, error: null, attempts: { increment: 1 } },
  });
  return taken.count === 1 ? claim : null;
}

/**
 * Stores a run's scores (fingers, and faces: one run scores both) and marks the scoring DONE, in one transaction, only if the run still holds its claim:
 * a run overtaken (lease expired and re-claimed) or reset (the data was downloaded again) writes nothing.
 */
export async function storeFingerScores(
  prisma: PrismaClient,
  caseId: string,
  claim: string,
  rows: readonly FingerScoreRow[],
  now: Date,
  faceRows: readonly FaceScoreRow[] = [],
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const own = await tx.fingerScoring.updateMany({
      where: { caseId, claim, state: "RUNNING" },
      data: { state: "DONE", leaseUntil: null, finishedAt: now, error: null },
    });
    if (own.count !== 1) return false;
    await tx.fingerScore.deleteMany({ where: { caseId } });
    if (rows.length) await tx.fingerScore.createMany({ data: rows.map((r) => ({ ...r, caseId, computedAt: now })) });
    await tx.faceScore.deleteMany({ where: { caseId } });
    if (faceRows.length) await tx.faceScore.createMany({ data: faceRows.map((r) => ({ ...r, caseId, computedAt: now })) });
    return true;
  });
}

/** Records why a run failed (a technical reason without personal data), if the run still holds its claim. */
export async function failFingerScoring(prisma: PrismaClient, caseId: string, claim: string, reason: string, now: Date): Promise<void> {
  await prisma.fingerScoring.updateMany({
    where: { caseId, claim, state: "RUNNING" },
    data: { state: "FAILED", leaseUntil: null, finishedAt: now, error: reason.slice(0, 300) },
  });
}

/** Forgets a case's scores and scoring run (its data changed), in the caller's transaction. */
export async function resetFingerScoring(tx: Prisma.TransactionClient, caseId: string): Promise<void> {
  await tx.fingerScore.deleteMany({ where: { caseId } });
  await tx.faceScore.deleteMany({ where: { caseId } });
  await tx.fingerScoring.deleteMany({ where: { caseId } });
}
