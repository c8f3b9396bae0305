import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createTestDatabase } from "./helpers/test-database";
import { applyMigrations, readMigrations, MigrationError } from "@/lib/db/apply-migrations";

const t = await createTestDatabase("mig");
after(() => t.drop());

test("migrations are recorded in _prisma_migrations as prisma migrate deploy would", async () => {
  const migrations = readMigrations();
  const rows = await t.db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
    `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
  );
  assert.deepEqual(
    rows.map((r) => r.migration_name),
    migrations.map((m) => m.name),
  );
  for (const [i, r] of rows.entries()) {
    assert.equal(r.checksum, createHash("sha256").update(migrations[i].sql).digest("hex"));
    assert.ok(r.finished_at, "finished_at is set");
  }
});

test("applying again does nothing", async () => {
  assert.deepEqual(await applyMigrations(t.db.sql, readMigrations()), []);
});

test("a migration edited after it was applied is refused with a clear error", async () => {
  const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
  await assert.rejects(
    applyMigrations(t.db.sql, edited),
    (e: unknown) => e instanceof MigrationError && /was edited after it was applied/.test(e.message),
  );
});

test("a failing migration rolls back whole and names itself", async () => {
  const bad = [
    ...readMigrations(),
    { name: "99999999999999_broken", sql: `CREATE TABLE "Half" (id int); SELECT * FROM no_such_table;`, checksum: "x" },
  ];
  await assert.rejects(applyMigrations(t.db.sql, bad), /migration 99999999999999_broken failed/);
  const half = await t.db.sql.query(`SELECT to_regclass('"Half"') AS t`);
  assert.equal((half[0] as { t: unknown }).t, null, "nothing of the failed migration remains");
});
