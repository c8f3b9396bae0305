import "server-only";
import { processSlot } from "./process-slot";
import type { Log } from "@/lib/log/logger";

/** Runs a task's round unless another instance is running it (lib/db: SqlExecutor.runExclusive). */
export type RunExclusive = (name: string, fn: () => Promise<void>) => Promise<boolean>;

export interface PeriodicTask {
  stop(): void;
  /** Resolves when a run in progress (if any) has finished. */
  idle(): Promise<void>;
}

const tasksSlot = processSlot<Map<string, PeriodicTask>>("periodicTasks");

/**
 * Runs `run` after `firstDelayMs`, then every `everyMs`, once per process per name. A slow run never overlaps the next one, a failure is logged by its
 * first line only (a Prisma error can quote query parameters), and the timers never keep the process alive.
 */
export function startPeriodicTask(
  name: string,
  opts: { everyMs: number; firstDelayMs: number; log: Log; exclusive?: RunExclusive },
  run: () => Promise<void>,
): PeriodicTask {
  const registry = tasksSlot.getOrCreate(() => new Map());
  const existing = registry.get(name);
  if (existing) return existing;
  let current: Promise<void> | null = null;
  const tick = () => {
    if (current) return current;
    current = (async () => {
      try {
        // Once per cluster: a round another instance is running now is skipped here, not repeated after it.
        if (opts.exclusive) await opts.exclusive(`task.${name}`, run);
        else await run();
      } catch (e) {
        opts.log(`[${name}] failed: ${(e as Error).message.split("\n")[0]}`, "error");
      } finally {
        current = null;
      }
    })();
    return current;
  };
  const first = setTimeout(tick, opts.firstDelayMs);
  const timer = setInterval(tick, opts.everyMs);
  first.unref();
  timer.unref();
  const task = {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
      registry.delete(name);
    },
    idle: () => current ?? Promise.resolve(),
  };
  registry.set(name, task);
  return task;
}

/** Graceful stop: no new runs start, and the runs in progress finish. */
export async function stopPeriodicTasks(): Promise<void> {
  const tasks = [...(tasksSlot.get()?.values() ?? [])];
  for (const t of tasks) t.stop();
  await Promise.all(tasks.map((t) => t.idle()));
}
