import "server-only";
import type { Log } from "@/lib/log/logger";
import { getMosipBridge, getMosipDownloads } from "@/lib/bridge/mosip-bridge-instance";
import { closeDatabase } from "@/lib/db/database";
import { getEmbeddedMosip } from "@/lib/embedded/embedded-mosip-instance";
import { getResponsePublisher } from "@/lib/outbox/start-response-publisher";
import { stopPeriodicTasks } from "@/lib/process/start-periodic-task";

export type StopOutcome = "stopped" | "grace expired";

/**
 * Graceful stop (SIGTERM from Kubernetes, Ctrl-C): the order keeps every piece of work either finished or
 * left for another instance, never half done.
 * 1. The queue consumer stops, so no new request is taken; a message not yet committed is not acknowledged
 *    and the broker gives it to another instance.
 * 2. Downloads in progress finish and record their result (their leases end with them); no new one starts.
 * 3. Periodic tasks (assigner, retention, profiles) finish the run in progress; no new run starts.
 * 4. The outbox publisher finishes the answer it is sending, up to its receipt, before the broker connection
 *    closes: a graceful stop leaves no SENDING row behind, so it never makes an UNCERTAIN one. Only a kill
 *    (or a grace period shorter than the broker's receipt) can.
 * 5. The database pool closes.
 * If the grace period runs out first, the caller exits anyway; what was left is exactly what a kill leaves,
 * and the recovery paths (lease expiry, stale SENDING) handle it.
 */
export async function stopApp(opts: { graceMs: number; log: Log }): Promise<StopOutcome> {
  const started = Date.now();
  const steps: [string, () => Promise<void>][] = [
    ["request consumer and downloads", async () => await getMosipBridge()?.stop()],
    ["downloads", async () => await getMosipDownloads()?.stop()],
    ["built-in MOSIP simulator", async () => await getEmbeddedMosip()?.stop()],
    ["periodic tasks", stopPeriodicTasks],
    ["response publisher", async () => await getResponsePublisher()?.stop()],
    ["database", closeDatabase],
  ];
  let step = "";
  const work = (async () => {
    for (const [name, run] of steps) {
      step = name;
      await run();
    }
    return "stopped" as const;
  })();
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<"grace expired">((resolve) => {
    timer = setTimeout(() => resolve("grace expired"), opts.graceMs);
    timer.unref();
  });
  try {
    const outcome = await Promise.race([work, grace]);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    opts.log(
      outcome === "stopped"
        ? `[mas] stopped gracefully in ${secs} s`
        : `[mas] grace period of ${opts.graceMs / 1000} s ran out while stopping the ${step}; exiting as a kill would`,
    );
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}
