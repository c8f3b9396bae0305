import "server-only";
import { EnvError } from "@/lib/env/env-schema";
import { getEnv } from "@/lib/env/get-env";
import { ready } from "./boot-app";
import { handleStopSignals } from "./handle-stop-signals";

/** Start-up failures stop the server with a message that says what to fix, rather than serving errors. */
export async function bootOrExit(): Promise<void> {
  try {
    await ready();
  } catch (e) {
    console.error(e instanceof EnvError ? e.message : `[mas] start-up failed: ${(e as Error).message}`);
    process.exit(1);
  }
  const env = getEnv();
  if (!handleStopSignals(env.stopGraceSeconds * 1000, (l) => console.log(l)) && env.production) {
    console.warn("[mas] NEXT_MANUAL_SIG_HANDLE is not set: Next.js exits at once on SIGTERM, without a graceful stop");
  }
}
