import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordProfiles } from "./record-profiles";

export interface ProfileSweep {
  stop(): void;
}

/**
 * Profiles newly decided cases every `intervalMs` (a minute by default). Far shorter than the retention
 * period (MAS_DATASHARE_RETENTION_DAYS, at least a day), so a profile is taken while the data is still there.
 */
export function startProfileSweep(prisma: PrismaClient, opts: { intervalMs?: number; log?: (line: string) => void } = {}): ProfileSweep {
  const log = opts.log ?? ((l: string) => console.log(l));
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const r = await recordProfiles(prisma);
      if (r.profiled) log(`[profiles] recorded ${r.profiled} anonymous profile(s)${r.withoutData ? `, ${r.withoutData} without applicant data` : ""}`);
    } catch (e) {
      // First line only: a Prisma error can quote query parameters.
      log(`[profiles] sweep failed: ${(e as Error).message.split("\n")[0]}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(sweep, 3_000);
  const timer = setInterval(sweep, opts.intervalMs ?? 60_000);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}

const KEY = Symbol.for("mas.profileSweep");
type G = typeof globalThis & { [KEY]?: ProfileSweep };

export function startProfileSweepOnce(prisma: PrismaClient, log: (line: string) => void): ProfileSweep {
  const g = globalThis as G;
  return (g[KEY] ??= startProfileSweep(prisma, { log }));
}
