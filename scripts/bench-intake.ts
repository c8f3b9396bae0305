// npm run bench:intake [-- N]
//
// Intake throughput, end to end: N MOSIP adjudication requests with 3 gallery candidates each go through a
// real ActiveMQ into the MAS bridge, which stores them in a real PostgreSQL and downloads the 4 encrypted
// datashares of each from a local HTTP server, until every case is READY for review. Reported: cases/s and
// p50/p95 seconds from enqueue to READY. As a yardstick, a bare STOMP consumer on the same broker that only
// acknowledges N messages (same prefetch and ack mode as the bridge); the ratio of the two is the figure.
//
// Uses TEST_PG_URL when set (a PostgreSQL server URL without database), otherwise starts a private one.
import { randomUUID, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { Client } from "@stomp/stompjs";
import { TCPWrapper } from "@stomp/tcp-wrapper";
import { startActiveMq } from "./lib/activemq.mjs";
import { startPostgres } from "./lib/postgres.mjs";
import { openDatabase } from "@/lib/db/open-database";
import { applyMigrations, readMigrations } from "@/lib/db/apply-migrations";
import { parseEnv } from "@/lib/env/env-schema";
import { startMosipBridge } from "@/lib/bridge/start-mosip-bridge";
import { generatePartnerKey } from "@/lib/crypto/generate-partner-key";
import { encryptDatashare } from "@/lib/crypto/encrypt-datashare";

const N = Number(process.argv[2] ?? process.env.BENCH_N ?? 200);
const CANDIDATES = 3;
const SHARE_BYTES = 120 * 1024; // a typical MOSIP datashare with face, fingers and iris is 100-300 KB
const LIMIT_MS = 150_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

function rid(): string {
  let s = "10001";
  while (s.length < 29) s += Math.floor(Math.random() * 10);
  return s;
}

async function connect(port: number): Promise<Client> {
  const c = new Client({
    webSocketFactory: () => new TCPWrapper("127.0.0.1", port),
    connectHeaders: { host: "localhost" },
    reconnectDelay: 0,
    debug: () => {},
  });
  await new Promise<void>((res, rej) => {
    c.onConnect = () => res();
    c.onWebSocketError = () => rej(new Error("cannot connect to the broker"));
    c.activate();
  });
  return c;
}

/** Publishes persistent TextMessages and waits for the broker's receipt of the last one. */
async function publish(port: number, queue: string, bodies: string[]): Promise<void> {
  const c = await connect(port);
  const receipt = randomUUID();
  const done = new Promise<void>((res) => c.watchForReceipt(receipt, () => res()));
  for (const [i, body] of bodies.entries())
    c.publish({
      destination: `/queue/${queue}`,
      body,
      skipContentLengthHeader: true,
      headers: { persistent: "true", ...(i === bodies.length - 1 ? { receipt } : {}) },
    });
  await done;
  await c.deactivate();
}

/** The yardstick: consume and acknowledge N messages one by one, nothing else. */
async function bareConsumer(port: number, queue: string, n: number): Promise<number> {
  await publish(
    port,
    queue,
    Array.from({ length: n }, () => JSON.stringify({ requestId: randomUUID(), pad: "x".repeat(600) })),
  );
  const c = await connect(port);
  const t0 = performance.now();
  await new Promise<void>((res) => {
    let seen = 0;
    c.subscribe(
      `/queue/${queue}`,
      (m) => {
        m.ack();
        if (++seen === n) res();
      },
      { ack: "client-individual", "activemq.prefetchSize": "1" },
    );
  });
  const seconds = (performance.now() - t0) / 1000;
  await c.deactivate();
  return seconds;
}

async function main() {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), "mas-bench-"));
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(work, { recursive: true, force: true })];
  const watchdog = setTimeout(() => {
    console.error(`bench: gave up after ${LIMIT_MS / 1000} s`);
    process.exit(1);
  }, LIMIT_MS + 20_000);
  try {
    let server = process.env.TEST_PG_URL;
    if (!server) {
      const p = await startPostgres(join(work, "pg"));
      cleanups.unshift(() => p.stop());
      server = `postgresql://postgres@127.0.0.1:${p.port}`;
    }
    const dbName = `bench_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: `${server}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    cleanups.unshift(async () => {
      const c = new pg.Client({ connectionString: `${server}/postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.end();
    });
    const [broker, db] = await Promise.all([
      startActiveMq(join(work, "amq")),
      openDatabase({ kind: "postgresql", url: `${server}/${dbName}` }),
    ]);
    cleanups.unshift(() => broker.stop());
    cleanups.unshift(() => db.close());
    await applyMigrations(db.sql, readMigrations());

    // Encrypted shares for a freshly generated partner key; a handful of distinct bodies served round-robin.
    const key = generatePartnerKey();
    const bodies = Array.from({ length: 8 }, () =>
      encryptDatashare(
        JSON.stringify({ biometrics: randomBytes(SHARE_BYTES * 0.7).toString("base64url"), identity: { fullName: "Bench Subject" } }),
        key.certificate,
      ),
    );
    let served = 0;
    const http: Server = createServer((_req, res) => {
      const body = bodies[served++ % bodies.length];
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
    await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
    cleanups.unshift(() => new Promise<void>((r) => http.close(() => r())));
    const port = (http.address() as { port: number }).port;
    const share = () =>
      `http://127.0.0.1:${port}/v1/datashare/get/mpolicy-default-adjudication/mpartner-default-adjudication/${randomUUID()}`;

    const env = parseEnv({ MOSIP_QUEUE_URL: broker.stompUrl, MOSIP_DATASHARE_ALLOWED_ORIGINS: `http://127.0.0.1:${port}` }).mosip;
    const bridge = startMosipBridge(db.prisma, env, { log: () => {}, downloadPollMs: 200 });
    cleanups.unshift(() => bridge.stop());
    while (!bridge.status().connected) await sleep(50);

    const requests = Array.from({ length: N }, () => ({
      id: "mosip.manual.adjudication.adjudicate",
      version: "1.0",
      requestId: randomUUID(),
      referenceId: rid(),
      requesttime: new Date().toISOString(),
      referenceURL: share(),
      addtional: null,
      gallery: { referenceIds: Array.from({ length: CANDIDATES }, () => ({ referenceId: rid(), referenceURL: share() })) },
    }));
    const enqueuedAt = Date.now();
    const t0 = performance.now();
    await publish(
      broker.stompPort,
      env.queues.adjudicationRequest,
      requests.map((r) => JSON.stringify(r)),
    );

    let ready: { requestId: string; updatedAt: Date }[] = [];
    for (;;) {
      ready = await db.prisma.case.findMany({ where: { state: "READY" }, select: { requestId: true, updatedAt: true } });
      if (ready.length >= N) break;
      const bad = await db.prisma.case.count({ where: { state: "DATA_UNAVAILABLE" } });
      if (bad) throw new Error(`${bad} case(s) ended DATA_UNAVAILABLE`);
      if (performance.now() - t0 > LIMIT_MS) throw new Error(`only ${ready.length} of ${N} cases READY after ${LIMIT_MS / 1000} s`);
      await sleep(100);
    }
    const masSeconds = (Math.max(...ready.map((r) => r.updatedAt.getTime())) - enqueuedAt) / 1000;
    // Every request was on the queue at enqueuedAt (one burst), so latency = READY time - enqueue time.
    const latencies = ready.map((r) => (r.updatedAt.getTime() - enqueuedAt) / 1000).sort((a, b) => a - b);
    await bridge.stop();

    const bareSeconds = await bareConsumer(broker.stompPort, "bench-bare", N);
    const masRate = N / masSeconds;
    const bareRate = N / bareSeconds;
    console.log(
      `bench:intake  N=${N} requests x ${CANDIDATES} candidates (${N * (CANDIDATES + 1)} encrypted datashares of ~${Math.round(Buffer.byteLength(bodies[0]) / 1024)} KB)`,
    );
    console.log(`  MAS intake     ${masRate.toFixed(1)} cases/s   (${masSeconds.toFixed(2)} s to all READY)`);
    console.log(`  enqueue->READY p50 ${quantile(latencies, 0.5).toFixed(2)} s   p95 ${quantile(latencies, 0.95).toFixed(2)} s`);
    console.log(`  bare STOMP ack ${bareRate.toFixed(1)} msgs/s  (${bareSeconds.toFixed(2)} s)`);
    console.log(
      `  ratio MAS / bare consumer: ${(masRate / bareRate).toFixed(3)}  (${(bareRate / masRate).toFixed(1)}x slower than acknowledging alone)`,
    );
    console.log(`  total run ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    clearTimeout(watchdog);
    for (const c of cleanups) {
      try {
        await c();
      } catch {
        /* best effort */
      }
    }
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
