import "server-only";
import type { Log } from "@/lib/log/logger";
import type { PrismaClient } from "@/lib/db/generated/client";
import { type RunExclusive, startPeriodicTask } from "@/lib/process/start-periodic-task";
import { assignWaitingCases } from "./assign-cases";

/** Hands out waiting cases every few seconds; "Next case" does the same on demand. */
export function startAssigner(prisma: PrismaClient, everyMs: number, log: Log, exclusive?: RunExclusive): void {
  startPeriodicTask("assignment", { firstDelayMs: everyMs, everyMs, log, exclusive }, async () => {
    await assignWaitingCases(prisma);
  });
}
