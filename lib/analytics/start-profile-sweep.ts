import "server-only";
import type { Log } from "@/lib/log/logger";
import type { PrismaClient } from "@/lib/db/generated/client";
import { type RunExclusive, startPeriodicTask, type PeriodicTask } from "@/lib/process/start-periodic-task";
import { recordProfiles } from "./record-profiles";

/**
 * Profiles newly decided cases every minute: far shorter than the retention period (MAS_DATASHARE_RETENTION_DAYS,
 * at least a day), and retention waits for the profile anyway.
 */
export function startProfileSweepOnce(prisma: PrismaClient, log: Log, exclusive?: RunExclusive): PeriodicTask {
  return startPeriodicTask("profiles", { firstDelayMs: 3_000, everyMs: 60_000, log, exclusive }, async () => {
    const r = await recordProfiles(prisma);
    if (r.profiled)
      log(`[profiles] recorded ${r.profiled} anonymous profile(s)${r.withoutData ? `, ${r.withoutData} without applicant data` : ""}`);
  });
}
