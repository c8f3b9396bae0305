import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { SqlExecutor } from "./sql-executor";

// Same bookkeeping table as `prisma migrate deploy`, so a deployment that has the native Prisma CLI
// can take over from this runner (and the other way round).
const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations")): Migration[] {
  if (!existsSync(dir)) throw new Error(`no migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Applies the migrations not yet recorded, each in its own transaction. Returns the names applied. */
export async function applyMigrations(db: SqlExecutor, migrations: Migration[]): Promise<string[]> {
  return db.withMigrationLock(async (session) => {
    await session.exec(BOOKKEEPING);
    const rows = await session.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r.checksum]));
    const failed = rows.find((r) => !r.finished_at && !r.rolled_back_at);
    if (failed) {
      throw new MigrationError(
        `migration ${failed.migration_name} failed earlier and was not rolled back; repair the database, then mark it rolled back`,
      );
    }
    const applied: string[] = [];
    for (const m of migrations) {
      const seen = done.get(m.name);
      if (seen !== undefined) {
        if (seen !== m.checksum)
          throw new MigrationError(`migration ${m.name} was edited after it was applied (checksum differs); add a new migration instead`);
        continue;
      }
      const id = randomUUID();
      try {
        await session.exec(`BEGIN;\n${m.sql}\n;COMMIT;`);
      } catch (e) {
        await session.exec("ROLLBACK").catch(() => {});
        throw new MigrationError(`migration ${m.name} failed: ${(e as Error).message}`);
      }
      await session.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)`,
        [id, m.checksum, m.name],
      );
      applied.push(m.name);
    }
    return applied;
  });
}

/** The shipped migrations this database has not applied (all of them when it has no bookkeeping table yet). */
export async function pendingMigrations(db: Pick<SqlExecutor, "query">, migrations: Migration[]): Promise<string[]> {
  let applied: Set<string>;
  try {
    const rows = await db.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    applied = new Set(rows.map((r) => r.migration_name));
  } catch (e) {
    // 42P01: the table does not exist, i.e. nothing was ever migrated. Anything else is the database's fault.
    if ((e as { code?: string }).code !== "42P01") throw e;
    applied = new Set();
  }
  return migrations.map((m) => m.name).filter((n) => !applied.has(n));
}
