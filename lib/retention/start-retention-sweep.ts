import "server-only";
import type { Log } from "@/lib/log/logger";
import type { PrismaClient } from "@/lib/db/generated/client";
import { type RunExclusive, startPeriodicTask, type PeriodicTask } from "@/lib/process/start-periodic-task";
import { purgeDatashares } from "./purge-datashares";

/** Purges stored datashares of answered cases past the retention period, shortly after start and then hourly. */
export function startRetentionSweepOnce(prisma: PrismaClient, retentionDays: number, log: Log, exclusive?: RunExclusive): PeriodicTask {
  return startPeriodicTask("retention", { firstDelayMs: 5_000, everyMs: 60 * 60 * 1000, log, exclusive }, async () => {
    const r = await purgeDatashares(prisma, { retentionDays });
    if (r.downloads)
      log(`[retention] purged ${r.downloads} datashare bodies of ${r.cases} answered case(s) older than ${retentionDays} days`);
  });
}
