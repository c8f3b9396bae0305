import "server-only";
import { getEnv } from "@/lib/env/get-env";
import { getDatabase } from "@/lib/db/database";
import type { Database } from "@/lib/db/open-database";
import { applyMigrations, readMigrations } from "@/lib/db/apply-migrations";
import { seedRolePermissions } from "@/lib/auth/seed-role-permissions";
import { bootstrapUsers } from "@/lib/users/bootstrap-users";
import { ensureAuthSecret } from "@/lib/auth/auth-secret";
import { startMosipBridgeOnce, startMosipDownloadsOnce } from "@/lib/bridge/mosip-bridge-instance";
import { startInProcessResponsePublisherOnce, startResponsePublisherOnce } from "@/lib/outbox/start-response-publisher";
import { startRetentionSweepOnce } from "@/lib/retention/start-retention-sweep";
import { startAssigner } from "@/lib/cases/run-assigner";
import { startFingerScoring } from "@/lib/cases/run-finger-scoring";
import { getFaceWorkPool } from "@/lib/cases/face-work-pool";
import { getFingerWorkPool } from "@/lib/cases/finger-work-pool";
import { startProfileSweepOnce } from "@/lib/analytics/start-profile-sweep";
import { startKnownAnswerFeeder } from "@/lib/known-answers/feed-known-answers";
import { runtimeSynthesis } from "@/lib/known-answers/known-answer-synthesis";
import { prepareEmbeddedPacketsOnce, startEmbeddedMosipOnce } from "@/lib/embedded/embedded-mosip-instance";
import { processSlot } from "@/lib/process/process-slot";
import { requireRuntimeKeyRing } from "@/lib/crypto/runtime-key-ring";
import { getSubjectOpener } from "@/lib/cases/subject-opener";
import { logFor, toLog, type Log } from "@/lib/log/logger";

const bootSlot = processSlot<Promise<Database>>("boot");
const KNOWN_ANSWER_ROUND_MS = 30_000;

async function boot(log: Log): Promise<Database> {
  const env = getEnv();
  ensureAuthSecret(env);
  // Real applicants' datashares are encrypted for the MAS partner: refuse to start without its keys.
  requireRuntimeKeyRing(env);
  // Datashares are decrypted and parsed in worker threads with these keys; in production a missing worker bundle
  // stops the start here rather than at the first case opened.
  getSubjectOpener(env);
  const roles = new Set(env.roles);
  // The built-in simulator lives in this process (PGlite allows one process anyway): it runs whole.
  const embedded = !env.mosip.queueUrl && (roles.has("intake") || roles.has("worker") || roles.has("publisher"));
  // Its synthesis workers need no database: they start building the first packets while the database migrates.
  if (embedded) void prepareEmbeddedPacketsOnce(env, log);
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
  // What this process runs: docs/configuration.md, "Process roles". The API and pages are served by every
  // process (probes and metrics need them); without the web role the API refuses everything else.
  if (env.mosip.queueUrl) {
    if (roles.has("intake")) {
      const bridge = startMosipBridgeOnce(db.prisma, env.mosip, log, { runDownloads: roles.has("worker") });
      log(
        `[mas] MOSIP bridge: consuming ${env.mosip.queues.adjudicationRequest} and ${env.mosip.queues.verificationRequest} via ${bridge.status().url}`,
      );
    } else if (roles.has("worker")) {
      startMosipDownloadsOnce(db.prisma, env.mosip, log);
    }
    // Answers go out on their own connection; decisions queue them in the outbox (lib/outbox). Stale SENDING
    // rows are recovered by an atomic UPDATE, safe with any number of publishers.
    if (roles.has("publisher")) startResponsePublisherOnce(db.prisma, env.mosip, log);
  } else if (embedded) {
    const mosip = startEmbeddedMosipOnce(db.prisma, env, log);
    startInProcessResponsePublisherOnce(db.prisma, (queue, body) => void mosip.deliverResponse(queue, body), log);
    log("[mas] no MOSIP_QUEUE_URL: running against the built-in MOSIP simulator");
  }
  if (roles.has("worker")) {
    // Once per cluster each round, whichever worker process gets there first.
    const exclusive = db.sql.runExclusive;
    // Stored datashares hold personal data: they are purged once MOSIP has the answer and the retention period is over.
    startRetentionSweepOnce(db.prisma, env.retention, log, exclusive);
    // Anonymous profiles of decided cases, taken long before retention purges their data.
    startProfileSweepOnce(db.prisma, log, exclusive);
    if (env.autoAssignSeconds > 0) startAssigner(db.prisma, env.autoAssignSeconds * 1000, log, exclusive);
    // Synthetic known-answer cases at the share supervisors set (none until they do): docs/quality.md.
    startKnownAnswerFeeder(db.prisma, { synthesize: runtimeSynthesis(env), mosip: env.mosip }, KNOWN_ANSWER_ROUND_MS, log, exclusive);
    // Fingerprint scores of READY cases, on worker threads; claims keep each case to one worker process. Templates
    // stay for the workbench only where pages are served.
    startFingerScoring(db.prisma, getFingerWorkPool, log, { keepInMemory: roles.has("web"), faceWork: getFaceWorkPool });
  }
  log(`[mas] process roles: ${env.roles.join(", ")}`);
  log(`[mas] database: ${db.kind}${db.kind === "pglite" && env.database.kind === "pglite" ? ` (${env.database.dir})` : ""}`);
  return db;
}

/** Boots once per process (migrations, permissions, first users) and resolves to the ready database. */
export function ready(log: Log = toLog(logFor("boot"))): Promise<Database> {
  return bootSlot.getOrCreate(() => boot(log));
}
