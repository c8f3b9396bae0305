import "server-only";
import { randomInt } from "node:crypto";
import type { Log } from "@/lib/log/logger";
import type { PrismaClient } from "@/lib/db/generated/client";
import { type RunExclusive, startPeriodicTask } from "@/lib/process/start-periodic-task";
import { getQualitySettings } from "@/lib/settings/quality-settings";
import { createKnownAnswerCase, type KnownAnswerOptions } from "./create-known-answer-case";

const WINDOW_MS = 24 * 3_600_000;

/**
 * How many known-answer cases are missing for them to be knownAnswerPercent of all cases received in the last
 * 24 hours: with r real cases and k known-answer ones, k / (r + k) = p gives k = r · p / (1 − p).
 */
export function knownAnswerDeficit(real: number, known: number, percent: number): number {
  if (percent <= 0) return 0;
  return (real * percent) / (100 - percent) - known;
}

/**
 * One round: adds at most one known-answer case, with the probability of the deficit (capped at 1), so that they
 * follow real intake at the set rate without arriving right after every n-th real request. Training cases are
 * apart: they neither count nor are counted. Returns the new case's id, if any.
 */
export async function feedKnownAnswers(
  prisma: PrismaClient,
  opts: Omit<KnownAnswerOptions, "trainee"> & { draw?: () => number },
): Promise<string | null> {
  const { knownAnswerPercent } = await getQualitySettings(prisma);
  if (knownAnswerPercent <= 0) return null;
  const since = new Date((opts.now ?? new Date()).getTime() - WINDOW_MS);
  const [real, known] = await Promise.all([
    prisma.case.count({ where: { receivedAt: { gte: since }, knownAnswer: null } }),
    prisma.knownAnswer.count({ where: { createdAt: { gte: since }, traineeId: null } }),
  ]);
  const deficit = knownAnswerDeficit(real, known, knownAnswerPercent);
  const draw = opts.draw ?? (() => randomInt(0, 1_000_000) / 1_000_000);
  if (deficit <= 0 || draw() >= Math.min(1, deficit)) return null;
  return (await createKnownAnswerCase(prisma, opts)).caseId;
}

/** Every `everyMs`, once per cluster: keeps known-answer cases at their set share of intake. */
export function startKnownAnswerFeeder(
  prisma: PrismaClient,
  opts: Omit<KnownAnswerOptions, "trainee" | "now">,
  everyMs: number,
  log: Log,
  exclusive?: RunExclusive,
): void {
  startPeriodicTask("known-answers", { firstDelayMs: everyMs, everyMs, log, exclusive }, async () => {
    await feedKnownAnswers(prisma, opts);
  });
}
