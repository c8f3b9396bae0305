import "server-only";
import { processSlot } from "./process-slot";

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
  opts: { everyMs: number; firstDelayMs: number; log: (line: string) => void },
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
        await run();
      } catch (e) {
        opts.log(`[${name}] failed: ${(e as Error).message.split("\n")[0]}`);
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
