import "server-only";
import { EnvError } from "@/lib/env/env-schema";
import { logFor } from "@/lib/log/logger";
import { ready } from "./boot-app";

/** Start-up failures stop the server with a message that says what to fix, rather than serving errors. */
export async function bootOrExit(): Promise<void> {
  try {
    await ready();
  } catch (e) {
    logFor("boot").fatal(e instanceof EnvError ? e.message : `[mas] start-up failed: ${(e as Error).message}`);
    process.exit(1);
  }
}
