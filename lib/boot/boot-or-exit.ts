import "server-only";
import { EnvError } from "@/lib/env/env-schema";
import { getEnv } from "@/lib/env/get-env";
import { logFor, toLog } from "@/lib/log/logger";
import { ready } from "./boot-app";
import { handleStopSignals } from "./handle-stop-signals";

/** Start-up failures stop the server with a message that says what to fix, rather than serving errors. */
export async function bootOrExit(): Promise<void> {
  try {
    await ready();
  } catch (e) {
    logFor("boot").fatal(e instanceof EnvError ? e.message : `[mas] start-up failed: ${(e as Error).message}`);
    process.exit(1);
  }
  const env = getEnv();
  const log = logFor("stop");
  if (!handleStopSignals(env.stopGraceSeconds * 1000, toLog(log)) && env.production) {
    log.warn("[mas] NEXT_MANUAL_SIG_HANDLE is not set: Next.js exits at once on SIGTERM, without a graceful stop");
  }
}
