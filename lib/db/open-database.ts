import "server-only";
import { mkdirSync } from "node:fs";
import type { AppEnv } from "@/lib/env/env-schema";
import { PrismaClient } from "./generated/client";
import type { SqlExecutor } from "./sql-executor";
import { logFor } from "@/lib/log/logger";
import { FAST_BYTEA_OPTIONS, fastByteaClient } from "./pglite-bytea";

// Prisma's own advisory-lock key for migrations, so this runner and `prisma migrate deploy` exclude each other.
const MIGRATION_LOCK_KEY = 72707369;

const POOL_SIZE = 20;

// Prisma's defaults (2 s to start, 5 s to run) are wall-clock timers in this process: at start-up, when the
// pool is still opening connections and the event loop is held for seconds (route bundles loading, first
// sweeps), BEGIN can be answered in milliseconds and still be seen only after maxWait. Measured: a 2.1 s
// stall while a transaction starts on a fresh pool fails it with "Unable to start a transaction in the given
// time". These bounds keep a transaction that really hangs visible without failing ones that were merely late.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

export interface Database {
  kind: "postgresql" | "pglite";
  prisma: PrismaClient;
  sql: SqlExecutor;
  close(): Promise<void>;
}

export async function openDatabase(config: AppEnv["database"]): Promise<Database> {
  if (config.kind === "postgresql") {
    const pg = (await import("pg")).default;
    const { PrismaPg } = await import("@prisma/adapter-pg");
    // One pool per process for everything that runs in it: web requests, two intake lanes, four download
    // lanes, the outbox publisher and three periodic tasks are eleven users before the first page is served.
    const pool = new pg.Pool({ connectionString: config.url, max: POOL_SIZE });
    // An idle client whose server connection ends (restart, failover, admin command) must not crash the
    // process; the pool drops it and the next query opens a new connection.
    pool.on("error", (e) => logFor("db").warn(`[mas] database connection lost: ${e.message.split("\n")[0]}`));
    const sql: SqlExecutor = {
      async query(text, params) {
        return (await pool.query(text, params as unknown[])).rows;
      },
      async exec(text) {
        await pool.query(text);
      },
      async withMigrationLock(fn) {
        const client = await pool.connect();
        try {
          await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
          return await fn({
            query: async (t, p) => (await client.query(t, p as unknown[])).rows,
            exec: async (t) => void (await client.query(t)),
          });
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
          client.release();
        }
      },
      async runExclusive(name, fn) {
        // A session lock on a connection of its own: fn's queries use other pool connections and their own
        // transactions, and the lock goes with this session if the process dies.
        const client = await pool.connect();
        try {
          const [{ locked }] = (await client.query("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked", [`mas.${name}`]))
            .rows as { locked: boolean }[];
          if (!locked) return false;
          try {
            await fn();
          } finally {
            await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [`mas.${name}`]).catch(() => {});
          }
          return true;
        } finally {
          client.release();
        }
      },
    };
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
    return {
      kind: "postgresql",
      prisma,
      sql,
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  mkdirSync(config.dir, { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  // Buffer's hex codec for bytea (lib/db/pglite-bytea.ts): datashare bodies are megabytes.
  const lite = await PGlite.create(config.dir, FAST_BYTEA_OPTIONS);
  const sql: SqlExecutor = {
    query: async (t, p) => (await lite.query(t, p)).rows as never,
    exec: async (t) => void (await lite.exec(t)),
    // PGlite is one in-process connection: only this process can open the data directory.
    withMigrationLock: (fn) => fn(sql),
    // One process per data directory: no other instance can be running it.
    runExclusive: async (_name, fn) => {
      await fn();
      return true;
    },
  };
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(fastByteaClient(lite)), transactionOptions: TRANSACTION_OPTIONS });
  return {
    kind: "pglite",
    prisma,
    sql,
    close: async () => {
      await prisma.$disconnect();
      await lite.close();
    },
  };
}
