import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { purgeDatashares } from "./purge-datashares";

export interface RetentionSweep {
  stop(): void;
}

/** Runs purgeDatashares at start-up and then every `intervalMs` (hourly by default). */
export function startRetentionSweep(prisma: PrismaClient, opts: { retentionDays: number; intervalMs?: number; log?: (line: string) => void }): RetentionSweep {
  const log = opts.log ?? ((l: string) => console.log(l));
  let running = false;
  const sweep = async () => {
    // A slow sweep (a big backlog after a long outage) must not overlap the next one.
    if (running) return;
    running = true;
    try {
      const r = await purgeDatashares(prisma, { retentionDays: opts.retentionDays });
      if (r.downloads) log(`[retention] purged ${r.downloads} datashare bodies of ${r.cases} answered case(s) older than ${opts.retentionDays} days`);
    } catch (e) {
      log(`[retention] sweep failed: ${(e as Error).message.split("\n")[0]}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(sweep, 5_000);
  const timer = setInterval(sweep, opts.intervalMs ?? 60 * 60 * 1000);
  // Never keep the process alive just for the sweep.
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}

const KEY = Symbol.for("mas.retentionSweep");
type G = typeof globalThis & { [KEY]?: RetentionSweep };

export function startRetentionSweepOnce(prisma: PrismaClient, retentionDays: number, log: (line: string) => void): RetentionSweep {
  const g = globalThis as G;
  return (g[KEY] ??= startRetentionSweep(prisma, { retentionDays, log }));
}
