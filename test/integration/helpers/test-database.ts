// A fresh PostgreSQL database per test file, on the server that scripts/test.mjs started
// (TEST_PG_URL = postgresql://postgres@127.0.0.1:<port>), with every migration applied.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "@/lib/db/open-database";
import { applyMigrations, readMigrations } from "@/lib/db/apply-migrations";

export function testPgServerUrl(): string {
  const url = process.env.TEST_PG_URL;
  if (!url) throw new Error("TEST_PG_URL is not set: run integration tests through `npm test` (scripts/test.mjs starts PostgreSQL)");
  return url;
}

export async function createTestDatabase(prefix = "t"): Promise<{ url: string; db: Database; drop: () => Promise<void> }> {
  const server = testPgServerUrl();
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = `${server}/${name}`;
  const db = await openDatabase({ kind: "postgresql", url });
  await applyMigrations(db.sql, readMigrations());
  return {
    url,
    db,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: `${server}/postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
