import "server-only";
import { getEnv } from "@/lib/env/get-env";
import { getDatabase } from "@/lib/db/database";
import type { Database } from "@/lib/db/open-database";
import { applyMigrations, readMigrations } from "@/lib/db/apply-migrations";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { bootstrapUsers } from "@/lib/users/bootstrap-users";
import { ensureAuthSecret } from "@/lib/auth/auth-secret";
import { startMosipBridgeOnce } from "@/lib/bridge/mosip-bridge-instance";
import { startAssigner } from "@/lib/cases/run-assigner";

const KEY = Symbol.for("mas.boot");
type G = typeof globalThis & { [KEY]?: Promise<Database> };

async function boot(log: (line: string) => void): Promise<Database> {
  const env = getEnv();
  ensureAuthSecret(env);
  const db = await getDatabase();
  const applied = await applyMigrations(db.sql, readMigrations());
  if (applied.length) log(`[mas] applied migrations: ${applied.join(", ")}`);
  await seedRolePermissions(db.prisma);
  const users = await bootstrapUsers(db.prisma, env);
  if (users.kind === "admin") log(`[mas] created admin "${users.username}" from MAS_ADMIN_USERNAME`);
  if (users.kind === "demo") {
    // Printed once, when the demo users are created: this is the only place their passwords exist in clear.
    log("[mas] DEMO MODE: embedded database, demo users created. Their passwords (shown only now):");
    for (const c of users.credentials) log(`[mas]   ${c.username.padEnd(11)} ${c.password}   (${c.roles.join(", ")})`);
  }
  if (env.mosip.queueUrl) {
    const bridge = startMosipBridgeOnce(db.prisma, env.mosip, log);
    log(`[mas] MOSIP bridge: consuming ${env.mosip.queues.adjudicationRequest} and ${env.mosip.queues.verificationRequest} via ${bridge.status().url}`);
  }
  startAssigner(db.prisma);
  log(`[mas] database: ${db.kind}${db.kind === "pglite" && env.database.kind === "pglite" ? ` (${env.database.dir})` : ""}`);
  return db;
}

/** Boots once per process (migrations, permissions, first users) and resolves to the ready database. */
export function ready(log: (line: string) => void = (l) => console.log(l)): Promise<Database> {
  const g = globalThis as G;
  return (g[KEY] ??= boot(log));
}
