import "server-only";
import { parseEnv, type AppEnv } from "./env-schema";
import { processSlot } from "@/lib/process/process-slot";

const envSlot = processSlot<AppEnv>("env");

/** The validated environment, parsed once per process. */
export function getEnv(): AppEnv {
  return envSlot.getOrCreate(() => parseEnv(process.env));
}

/** For tests that change process.env between cases. */
export function resetEnvForTests(): void {
  envSlot.clear();
}
