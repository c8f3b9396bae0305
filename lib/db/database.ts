import "server-only";
import { getEnv } from "@/lib/env/get-env";
import { openDatabase, type Database } from "./open-database";
import { processSlot } from "@/lib/process/process-slot";

const databaseSlot = processSlot<Promise<Database>>("database");

/**
 * The process-wide database: the embedded PGlite must be opened exactly once per process.
 */
export function getDatabase(): Promise<Database> {
  return databaseSlot.getOrCreate(() => openDatabase(getEnv().database));
}

export async function closeDatabase(): Promise<void> {
  const db = databaseSlot.get();
  databaseSlot.clear();
  if (db) await (await db).close();
}
