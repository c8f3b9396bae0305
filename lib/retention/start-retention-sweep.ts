import "server-only";
import type { Log } from "@/lib/log/logger";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { RetentionPeriods } from "@/lib/env/env-schema";
import { type RunExclusive, startPeriodicTask, type PeriodicTask } from "@/lib/process/start-periodic-task";
import { runRetention } from "./run-retention";

/** Purges every kind of personal data past its retention period, shortly after start and then hourly. */
export function startRetentionSweepOnce(prisma: PrismaClient, periods: RetentionPeriods, log: Log, exclusive?: RunExclusive): PeriodicTask {
  return startPeriodicTask("retention", { firstDelayMs: 5_000, everyMs: 60 * 60 * 1000, log, exclusive }, async () => {
    for (const line of await runRetention(prisma, periods)) log(`[retention] purged ${line}`);
  });
}
