import "server-only";
import type { Database } from "@/lib/db/open-database";
import { pendingMigrations, readMigrations, type Migration } from "@/lib/db/apply-migrations";
import type { ProcessRole } from "@/lib/process/process-roles";
import { getMosipBridge } from "@/lib/bridge/mosip-bridge-instance";
import { logFor } from "@/lib/log/logger";

/** What a load balancer or Kubernetes may see: one word per check, no host, URL, user name or error text. */
export interface Readiness {
  ready: boolean;
  checks: {
    database: "ok" | "unreachable";
    migrations: "ok" | "pending" | "unknown";
    broker: "ok" | "disconnected" | "not_required";
  };
}

let shipped: Migration[] | undefined;

/**
 * Ready = this process can do its job: the database answers and has every migration this build ships (a
 * rolling update whose new pods start before the migration ran stay out of rotation), and an intake process
 * is connected to MOSIP's broker. The reason of a failed check goes to the log only.
 */
export async function checkReadiness(db: Database, roles: readonly ProcessRole[], migrations?: Migration[]): Promise<Readiness> {
  const log = logFor("health");
  const checks: Readiness["checks"] = { database: "ok", migrations: "ok", broker: "not_required" };
  try {
    await db.sql.query("SELECT 1");
    try {
      shipped ??= readMigrations();
      const pending = await pendingMigrations(db.sql, migrations ?? shipped);
      if (pending.length) {
        checks.migrations = "pending";
        log.warn({ pending: pending.length }, "not ready: migrations not applied");
      }
    } catch (e) {
      checks.migrations = "unknown";
      log.warn({ err: e }, "not ready: cannot read the applied migrations");
    }
  } catch (e) {
    checks.database = "unreachable";
    checks.migrations = "unknown";
    log.warn({ err: e }, "not ready: database unreachable");
  }
  // The embedded simulator has no bridge and no broker; an intake process with MOSIP_QUEUE_URL must be connected.
  const bridge = getMosipBridge();
  if (roles.includes("intake") && bridge) {
    checks.broker = bridge.status().connected ? "ok" : "disconnected";
    if (checks.broker !== "ok") log.warn({ err: bridge.status().lastError ?? "closed" }, "not ready: broker not connected");
  }
  return { ready: checks.database === "ok" && checks.migrations === "ok" && checks.broker !== "disconnected", checks };
}
