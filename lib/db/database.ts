import "server-only";
import { getEnv } from "@/lib/env/get-env";
import { openDatabase, type Database } from "./open-database";

const KEY = Symbol.for("mas.database");
type G = typeof globalThis & { [KEY]?: Promise<Database> };

/**
 * The process-wide database. Kept on globalThis because Next.js bundles instrumentation and each route
 * separately, and the embedded PGlite must be opened exactly once per process.
 */
export function getDatabase(): Promise<Database> {
  const g = globalThis as G;
  return (g[KEY] ??= openDatabase(getEnv().database));
}

export async function closeDatabase(): Promise<void> {
  const g = globalThis as G;
  const db = g[KEY];
  delete g[KEY];
  if (db) await (await db).close();
}
