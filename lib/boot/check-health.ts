import "server-only";
import type { Database } from "@/lib/db/open-database";
import pkg from "@/package.json";

export interface Health {
  status: "ok" | "degraded";
  version: string;
  database: { kind: string; reachable: boolean; error?: string };
}

export async function checkHealth(db: Database): Promise<Health> {
  try {
    await db.sql.query("SELECT 1");
    return { status: "ok", version: pkg.version, database: { kind: db.kind, reachable: true } };
  } catch (e) {
    return { status: "degraded", version: pkg.version, database: { kind: db.kind, reachable: false, error: (e as Error).message } };
  }
}
