import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { assignWaitingCases } from "./assign-cases";

const KEY = Symbol.for("mas.assigner");
type G = typeof globalThis & { [KEY]?: NodeJS.Timeout };

/** Hands out waiting cases every few seconds; "Next case" does the same on demand. One loop per process. */
export function startAssigner(prisma: PrismaClient, everyMs = 3000): void {
  const g = globalThis as G;
  if (g[KEY]) return;
  let running = false;
  g[KEY] = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await assignWaitingCases(prisma);
    } catch (e) {
      console.error(`[mas] assignment failed: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  }, everyMs);
  g[KEY].unref();
}
