import "server-only";
import type { Log } from "@/lib/log/logger";
import type { PrismaClient } from "@/lib/db/generated/client";
import { startPeriodicTask } from "@/lib/process/start-periodic-task";
import { claimFingerScoring, failFingerScoring, findCasesToScore, storeFingerScores } from "./finger-scoring-claims";
import type { FingerWork } from "./finger-work";
import { getCaseImageCache } from "@/lib/biometrics/case-image-cache";
import { computeCaseFingerScores } from "./score-case-fingers";
import type { FaceWork } from "./face-work-pool";
import { computeCaseFaceScores, type FaceScoreRow } from "./score-case-face";

/** Longer than any case takes even on a loaded machine; a run past it may be taken over by another process. */
const LEASE_MS = 5 * 60_000;

export interface ScoredCase {
  caseId: string;
  outcome: "DONE" | "FAILED" | "LOST";
  comparisons: number;
  /** Face comparisons stored; null when the faces could not be scored (no face pool, or the model did not start). */
  faces: number | null;
  ms: number;
}

/**
 * Scores one case if no other process holds it; null when it was taken. Fingers and (with `faceWork`) the face are
 * scored by the same run; a face that cannot be scored leaves the fingers' scores standing.
 */
export async function scoreCaseFingers(
  prisma: PrismaClient,
  caseId: string,
  work: FingerWork,
  {
    keepInMemory = true,
    now = () => new Date(),
    faceWork = null,
    log,
  }: { keepInMemory?: boolean; now?: () => Date; faceWork?: FaceWork | null; log?: Log } = {},
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
    const [{ rows }, faceRows] = await Promise.all([
      computeCaseFingerScores(prisma, caseId, candidates, work),
      faceWork ? faceScores(prisma, caseId, candidates, faceWork, log) : null,
    ]);
    const stored = await storeFingerScores(prisma, caseId, claim, rows, now(), faceRows ?? []);
    return { caseId, outcome: stored ? "DONE" : "LOST", comparisons: rows.length, faces: faceRows?.length ?? null, ms: ms() };
  } catch (e) {
    // The first line only, and never from a Prisma error (it may quote parameters): a short technical reason.
    const reason = e instanceof Error && !e.constructor.name.startsWith("Prisma") ? e.message.split("\n")[0] : "internal error";
    await failFingerScoring(prisma, caseId, claim, reason, now());
    return { caseId, outcome: "FAILED", comparisons: 0, faces: null, ms: ms() };
  } finally {
    // A process that serves no pages keeps nothing of the case: its decisions (which drop a case's memory) are
    // recorded elsewhere, so decrypted data and templates would otherwise wait here for eviction. A web process
    // keeps it only while a reviewer holds the case: after a burst of arrivals, every scored case kept in memory
    // filled the cache past the share prefetch may use (prefetch-cases.ts), so the cases officers open next were
    // no longer prepared, and decrypted data of cases nobody was looking at stayed in memory.
    if (!keepInMemory || !(await heldByReviewer(prisma, caseId).catch(() => false))) getCaseImageCache().dropCase(caseId);
  }
}

/** Whether a reviewer holds the case now (it is open on their screen, or next in their hands). */
async function heldByReviewer(prisma: PrismaClient, caseId: string): Promise<boolean> {
  const c = await prisma.case.findUnique({ where: { id: caseId }, select: { state: true, secondaryAssigneeId: true } });
  return c?.state === "IN_PRIMARY" || c?.state === "CONFLICT" || (c?.state === "IN_SECONDARY" && c.secondaryAssigneeId !== null);
}

/** The case's face rows, or null (logged) when the faces could not be scored: the fingers' run goes on without them. */
async function faceScores(
  prisma: PrismaClient,
  caseId: string,
  candidates: readonly { id: string; dataStatus: string }[],
  work: FaceWork,
  log: Log | undefined,
): Promise<FaceScoreRow[] | null> {
  try {
    return await computeCaseFaceScores(prisma, caseId, candidates, work);
  } catch (e) {
    log?.(`[face-scoring] case ${caseId}: not scored (${(e as Error).message.split("\n")[0]})`, "warn");
    return null;
  }
}

/**
 * One round: up to `limit` cases waiting for scores, oldest first, one at a time (each case already uses every
 * worker). Few per round, so that a graceful stop, which waits for the round in progress, is not held up long.
 */
export async function scoreWaitingCases(
  prisma: PrismaClient,
  work: FingerWork,
  {
    log,
    limit = 3,
    keepInMemory = true,
    faceWork = null,
  }: { log?: Log; limit?: number; keepInMemory?: boolean; faceWork?: FaceWork | null } = {},
): Promise<ScoredCase[]> {
  const done: ScoredCase[] = [];
  for (const caseId of await findCasesToScore(prisma, new Date(), limit)) {
    const r = await scoreCaseFingers(prisma, caseId, work, { keepInMemory, faceWork, log });
    if (!r) continue;
    done.push(r);
    log?.(
      `[finger-scoring] case ${caseId}: ${r.outcome.toLowerCase()}, ${r.comparisons} comparisons${r.faces === null ? "" : `, ${r.faces} face comparisons`} in ${r.ms} ms`,
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
  { keepInMemory, everyMs = 2000, faceWork }: { keepInMemory: boolean; everyMs?: number; faceWork?: () => FaceWork },
): void {
  let warned = false;
  let faceWarned = false;
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
    let face: FaceWork | null = null;
    try {
      face = faceWork?.() ?? null;
    } catch (e) {
      // No face bundle: fingers are scored, faces are not (never on this thread); said once.
      if (!faceWarned) log(`[face-scoring] not running: ${(e as Error).message}`, "error");
      faceWarned = true;
    }
    await scoreWaitingCases(prisma, w, { log, keepInMemory, faceWork: face });
  });
}
