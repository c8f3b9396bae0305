import "server-only";
import type { Log } from "@/lib/log/logger";
import type { PrismaClient } from "@/lib/db/generated/client";
import { startPeriodicTask } from "@/lib/process/start-periodic-task";
import { claimFingerScoring, failFingerScoring, findCasesToScore, storeFingerScores } from "./finger-scoring-claims";
import type { FingerWork } from "./finger-work";
import { getCaseImageCache } from "@/lib/biometrics/case-image-cache";
import { computeCaseFingerScores } from "./score-case-fingers";

/** Longer than any case takes even on a loaded machine; a run past it may be taken over by another process. */
const LEASE_MS = 5 * 60_000;

export interface ScoredCase {
  caseId: string;
  outcome: "DONE" | "FAILED" | "LOST";
  comparisons: number;
  ms: number;
}

/** Scores one case if no other process holds it; null when it was taken. */
export async function scoreCaseFingers(
  prisma: PrismaClient,
  caseId: string,
  work: FingerWork,
  { keepInMemory = true, now = () => new Date() }: { keepInMemory?: boolean; now?: () => Date } = {},
): Promise<ScoredCase | null> {
  const claim = await claimFingerScoring(prisma, caseId, now(), LEASE_MS);
  if (!claim) return null;
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const candidates = await prisma.candidate.findMany({
      where: { caseId },
      select: { id: true, dataStatus: true },
      orderBy: { position: "asc" },
    });
    const { rows } = await computeCaseFingerScores(prisma, caseId, candidates, work);
    const stored = await storeFingerScores(prisma, caseId, claim, rows, now());
    return { caseId, outcome: stored ? "DONE" : "LOST", comparisons: rows.length, ms: ms() };
  } catch (e) {
    // The first line only, and never from a Prisma error (it may quote parameters): a short technical reason.
    const reason = e instanceof Error && !e.constructor.name.startsWith("Prisma") ? e.message.split("\n")[0] : "internal error";
    await failFingerScoring(prisma, caseId, claim, reason, now());
    return { caseId, outcome: "FAILED", comparisons: 0, ms: ms() };
  } finally {
    // A process that serves no pages keeps nothing of the case: its decisions (which drop a case's memory) are
    // recorded elsewhere, so decrypted data and templates would otherwise wait here for eviction.
    if (!keepInMemory) getCaseImageCache().dropCase(caseId);
  }
}

/**
 * One round: up to `limit` cases waiting for scores, oldest first, one at a time (each case already uses every
 * worker). Few per round, so that a graceful stop, which waits for the round in progress, is not held up long.
 */
export async function scoreWaitingCases(
  prisma: PrismaClient,
  work: FingerWork,
  { log, limit = 3, keepInMemory = true }: { log?: Log; limit?: number; keepInMemory?: boolean } = {},
): Promise<ScoredCase[]> {
  const done: ScoredCase[] = [];
  for (const caseId of await findCasesToScore(prisma, new Date(), limit)) {
    const r = await scoreCaseFingers(prisma, caseId, work, { keepInMemory });
    if (!r) continue;
    done.push(r);
    log?.(
      `[finger-scoring] case ${caseId}: ${r.outcome.toLowerCase()}, ${r.comparisons} comparisons in ${r.ms} ms`,
      r.outcome === "FAILED" ? "warn" : "info",
    );
  }
  return done;
}

/**
 * The comparison aid's background task (worker role): every couple of seconds, scores the cases whose data became
 * READY (or was downloaded again). Every worker process may run it; claims keep a case to one of them.
 */
export function startFingerScoring(
  prisma: PrismaClient,
  work: () => FingerWork,
  log: Log,
  { keepInMemory, everyMs = 2000 }: { keepInMemory: boolean; everyMs?: number },
): void {
  let warned = false;
  startPeriodicTask("finger-scoring", { firstDelayMs: everyMs, everyMs, log }, async () => {
    let w: FingerWork;
    try {
      w = work();
    } catch (e) {
      // No worker bundle: nothing is scored (never on this thread); said once, not every round.
      if (!warned) log(`[finger-scoring] not running: ${(e as Error).message}`, "error");
      warned = true;
      return;
    }
    await scoreWaitingCases(prisma, w, { log, keepInMemory });
  });
}
