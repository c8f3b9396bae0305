import "server-only";
import type { Log } from "@/lib/log/logger";
import { processSlot } from "@/lib/process/process-slot";
import { stopApp } from "./stop-app";

const handlerSlot = processSlot<true>("stopSignals");

/**
 * SIGTERM and SIGINT stop the app gracefully (stop-app.ts), then exit: 0 when everything stopped, 1 when
 * the grace period ran out. Next.js exits at once on these signals unless NEXT_MANUAL_SIG_HANDLE is set,
 * which every launcher of the MAS does (scripts/start.mjs, the artifact, the container image).
 */
export function handleStopSignals(graceMs: number, log: Log): boolean {
  if (process.env.NEXT_MANUAL_SIG_HANDLE !== "true") return false;
  handlerSlot.getOrCreate(() => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log(`[mas] ${signal}: stopping (grace ${graceMs / 1000} s)`);
      void stopApp({ graceMs, log }).then(
        (outcome) => process.exit(outcome === "stopped" ? 0 : 1),
        (e: Error) => {
          log(`[mas] stop failed: ${e.message.split("\n")[0]}`);
          process.exit(1);
        },
      );
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
    return true;
  });
  return true;
}
