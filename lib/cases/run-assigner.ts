import "server-only";
import type { Log } from "@/lib/log/logger";
import type { PrismaClient } from "@/lib/db/generated/client";
import { type RunExclusive, startPeriodicTask } from "@/lib/process/start-periodic-task";
import { assignWaitingCases } from "./assign-cases";
import { prefetchNextCases } from "./prefetch-cases";

/**
 * Hands out waiting cases every few seconds; "Next case" does the same on demand. Each officer who got a case has
 * their next cases prepared in memory, where this process also serves pages (prefetch-cases.ts).
 */
export function startAssigner(prisma: PrismaClient, everyMs: number, log: Log, exclusive?: RunExclusive): void {
  startPeriodicTask("assignment", { firstDelayMs: everyMs, everyMs, log, exclusive }, async () => {
    const officers = new Set<string>();
    await assignWaitingCases(prisma, new Date(), 50, ({ userId }) => officers.add(userId));
    for (const userId of officers) prefetchNextCases(prisma, userId);
  });
}
