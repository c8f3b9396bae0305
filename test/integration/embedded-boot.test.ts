import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@/lib/db/open-database";
import { applyMigrations, readMigrations } from "@/lib/db/apply-migrations";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { bootstrapUsers } from "@/lib/users/bootstrap-users";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { parseEnv } from "@/lib/env/env-schema";

test("the embedded default (PGlite) migrates, survives a restart, and creates demo users once", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mas-pglite-"));
  try {
    const env = parseEnv({ MAS_DATA_DIR: dir });
    let db = await openDatabase(env.database);
    assert.equal(db.kind, "pglite");
    assert.ok((await applyMigrations(db.sql, readMigrations())).length > 0);
    await seedRolePermissions(db.prisma);
    const first = await bootstrapUsers(db.prisma, env);
    assert.equal(first.kind, "demo");
    if (first.kind !== "demo") return;
    assert.deepEqual(
      first.credentials.map((c) => c.username),
      ["admin", "supervisor", "operator1", "operator2"],
    );
    const admin = first.credentials[0];
    assert.equal((await verifyCredentials(db.prisma, admin.username, admin.password, env.lockout)).ok, true);
    assert.deepEqual((await db.prisma.setting.findUnique({ where: { key: "demo" } }))?.value, true);
    await db.close();

    db = await openDatabase(env.database);
    assert.deepEqual(await applyMigrations(db.sql, readMigrations()), [], "nothing to apply after a restart");
    assert.deepEqual(await bootstrapUsers(db.prisma, env), { kind: "existing" }, "passwords are not printed again");
    assert.equal((await verifyCredentials(db.prisma, admin.username, admin.password, env.lockout)).ok, true);
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("without an admin and without demo mode, start-up says what to set", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mas-pglite-"));
  try {
    const env = { ...parseEnv({ MAS_DATA_DIR: dir }), production: true };
    const db = await openDatabase(env.database);
    await applyMigrations(db.sql, readMigrations());
    await assert.rejects(bootstrapUsers(db.prisma, env), /Set MAS_ADMIN_USERNAME and MAS_ADMIN_PASSWORD/);
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
