import "server-only";
import { parseEnv, type AppEnv } from "./env-schema";

const KEY = Symbol.for("mas.env");
type G = typeof globalThis & { [KEY]?: AppEnv };

/** The validated environment, parsed once per process. */
export function getEnv(): AppEnv {
  const g = globalThis as G;
  return (g[KEY] ??= parseEnv(process.env));
}

/** For tests that change process.env between cases. */
export function resetEnvForTests(): void {
  delete (globalThis as G)[KEY];
}
