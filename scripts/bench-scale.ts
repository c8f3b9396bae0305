// npm run bench:scale [-- N]
//
// Scale-out on one PostgreSQL and one ActiveMQ: the same N MOSIP adjudication requests (3 candidates each, 4
// encrypted datashares per request served by the simulator's datashare server) go to 1, then 2, then 3 MAS
// instances (separate processes, roles intake,worker,publisher, as test/integration/three-instances.test.ts starts
// them), each round on a fresh database. Measured per round:
// - intake: requests from the enqueue burst to READY per second (the heaviest stage: a transaction per message and
//   four downloads per case), its ratio to one instance, and p50/p95 seconds from enqueue to READY;
// - answers: every case decided at once (the decision's transaction, as the workbench writes it), then answers per
//   second and p50/p95 seconds from the decision's commit to the broker's receipt (SENT);
// - CPU seconds of each MAS process, PostgreSQL (server and its backends), the broker's JVM and this process (the
//   datashare server, the STOMP producer and the deciding), and how busy the whole machine was, so that a limit of
//   the machine shows as such.
// Target: 2 instances take requests in at least 1.6x as fast as one.
//
// Starts its own PostgreSQL (so that its CPU time is this run's alone) and broker; needs Debian's postgresql and
// activemq packages like the integration tests.
import { randomBytes, randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@stomp/stompjs";
import { TCPWrapper } from "@stomp/tcp-wrapper";
import { startActiveMq, type ActiveMqBroker } from "./lib/activemq.mjs";
import { startPostgres } from "./lib/postgres.mjs";
import { childPids, cpuSeconds, type MasInstance, startMasInstance } from "../test/integration/helpers/mas-instances";
import { writePartnerKeyFiles } from "../test/integration/helpers/partner-key-files";
import { buildResponse, decide } from "../test/integration/helpers/outbox-helpers";
import { startDatashareServer } from "@/lib/simulator/datashare-server";
import { encryptDatashare } from "@/lib/crypto/encrypt-datashare";
import { openDatabase } from "@/lib/db/open-database";
import { applyMigrations, readMigrations } from "@/lib/db/apply-migrations";
import { parseEnv } from "@/lib/env/env-schema";

const N = Number(process.argv[2] ?? process.env.BENCH_N ?? 300);
const CANDIDATES = 3;
const SHARE_BYTES = 120 * 1024; // a MOSIP datashare with face, fingers and iris is 100-300 KB
const ROUNDS = [1, 2, 3];
const TARGET_RATIO = 1.6;
const STAGE_LIMIT_MS = 300_000;
const DECIDERS = 4;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

function rid(): string {
  let s = "10001";
  while (s.length < 29) s += Math.floor(Math.random() * 10);
  return s;
}

/** Jiffies the whole machine spent busy and in total (first line of /proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const f = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - f[3] - f[4], total };
}

/** Publishes persistent TextMessages in one burst and waits for the broker's receipt of the last one. */
async function publish(port: number, queue: string, bodies: string[]): Promise<void> {
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

interface Round {
  instances: number;
  intakeRate: number;
  intakeP50: number;
  intakeP95: number;
  answerRate: number;
  answerP50: number;
  answerP95: number;
  cpuMas: number[];
  cpuPostgres: number;
  cpuBroker: number;
  cpuHere: number;
  machineBusy: number;
  load: number[];
  seconds: number;
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), "mas-bench-scale-"));
  // PostgreSQL runs as the postgres user when this runs as root: it must be able to reach its folder.
  chmodSync(work, 0o711);
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(work, { recursive: true, force: true })];
  const running: MasInstance[] = [];
  cleanups.unshift(() => Promise.all(running.map((i) => i.kill())).then(() => {}));
  const watchdog = setTimeout(() => {
    console.error("bench:scale: gave up after 20 minutes");
    for (const i of running) i.child.kill("SIGKILL");
    process.exit(1);
  }, 20 * 60_000);
  const loadBefore = loadavg();
  try {
    const pg = await startPostgres(join(work, "pg"));
    cleanups.unshift(() => pg.stop());
    const postmaster = Number(readFileSync(join(work, "pg", "data", "postmaster.pid"), "utf8").split("\n")[0]);
    const postgresCpu = () => cpuSeconds(postmaster, { children: true }) + childPids(postmaster).reduce((s, p) => s + cpuSeconds(p), 0);
    const broker: ActiveMqBroker = await startActiveMq(join(work, "amq"));
    cleanups.unshift(() => broker.stop());
    const brokerCpu = () => (broker.pid === null ? 0 : cpuSeconds(broker.pid));
    const hereCpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    };

    const keyFiles = writePartnerKeyFiles(work);
    const certificate = readFileSync(keyFiles.MAS_PARTNER_CERTIFICATE_FILE, "utf8");
    const bodies = Array.from({ length: 8 }, (_, i) =>
      encryptDatashare(
        JSON.stringify({ identity: { fullName: `Bench Subject ${i}` }, biometrics: randomBytes(SHARE_BYTES * 0.7).toString("base64url") }),
        certificate,
      ),
    );
    let served = 0;
    const shares = await startDatashareServer({ resolve: async () => bodies[served++ % bodies.length] });
    cleanups.unshift(() => shares.close());
    const share = () => `${shares.url}/v1/datashare/get/mpolicy-default-adjudication/mpartner-default-adjudication/${randomUUID()}`;
    // The same requests for every round (each round has its own database and queues).
    const requests = Array.from({ length: N }, () =>
      JSON.stringify({
        id: "mosip.manual.adjudication.adjudicate",
        version: "1.0",
        requestId: randomUUID(),
        referenceId: rid(),
        requesttime: new Date().toISOString(),
        referenceURL: share(),
        addtional: null,
        gallery: { referenceIds: Array.from({ length: CANDIDATES }, () => ({ referenceId: rid(), referenceURL: share() })) },
      }),
    );

    const rounds: Round[] = [];
    for (const count of ROUNDS) {
      const tag = `r${count}`;
      const url = pg.createDb(`bench_scale_${tag}`);
      const db = await openDatabase({ kind: "postgresql", url });
      await applyMigrations(db.sql, readMigrations());
      const queues = {
        MOSIP_ADJUDICATION_REQUEST_QUEUE: `${tag}-mosip-to-adjudication`,
        MOSIP_ADJUDICATION_RESPONSE_QUEUE: `${tag}-adjudication-to-mosip`,
        MOSIP_VERIFICATION_REQUEST_QUEUE: `${tag}-mosip-to-verification`,
        MOSIP_VERIFICATION_RESPONSE_QUEUE: `${tag}-verification-to-mosip`,
      };
      const env = {
        DATABASE_URL: url,
        MAS_PROCESS_ROLES: "intake,worker,publisher",
        MAS_ADMIN_USERNAME: "chief",
        MAS_ADMIN_PASSWORD: randomBytes(12).toString("base64url"),
        MOSIP_QUEUE_URL: broker.stompUrl,
        MOSIP_DATASHARE_ALLOWED_ORIGINS: shares.url,
        MAS_AUTO_ASSIGN_SECONDS: "0",
        MAS_LOG_LEVEL: "warn",
        ...keyFiles,
        ...queues,
      };
      const mosip = parseEnv(env).mosip;
      const instances: MasInstance[] = [];
      for (let i = 0; i < count; i++) {
        const instance = await startMasInstance(`${tag}-mas-${i + 1}`, { ...env, MAS_DATA_DIR: join(work, `${tag}-${i + 1}`) });
        instances.push(instance);
        running.push(instance);
      }
      await sleep(2000); // let the consumers subscribe and the first sweeps pass

      const cpu0 = {
        mas: instances.map((i) => cpuSeconds(i.pid)),
        pg: postgresCpu(),
        broker: brokerCpu(),
        here: hereCpu(),
        machine: machineTicks(),
      };
      const started = performance.now();
      const enqueuedAt = Date.now();
      await publish(broker.stompPort, queues.MOSIP_ADJUDICATION_REQUEST_QUEUE, requests);
      let ready: { id: string; requestId: string; referenceId: string; updatedAt: Date; candidates: { referenceId: string }[] }[] = [];
      for (;;) {
        ready = await db.prisma.case.findMany({
          where: { state: "READY" },
          select: { id: true, requestId: true, referenceId: true, updatedAt: true, candidates: { select: { referenceId: true } } },
        });
        if (ready.length >= N) break;
        const bad = await db.prisma.case.count({ where: { state: "DATA_UNAVAILABLE" } });
        if (bad) throw new Error(`${bad} case(s) ended DATA_UNAVAILABLE with ${count} instance(s)`);
        if (performance.now() - started > STAGE_LIMIT_MS)
          throw new Error(`only ${ready.length} of ${N} cases READY after ${STAGE_LIMIT_MS / 1000} s with ${count} instance(s)`);
        await sleep(100);
      }
      const intakeLatencies = ready.map((r) => (r.updatedAt.getTime() - enqueuedAt) / 1000).sort((a, b) => a - b);
      const intakeSeconds = intakeLatencies[intakeLatencies.length - 1];

      // Every case decided at once, by a few writers, as many officers would.
      const queue = ready.slice();
      await Promise.all(
        Array.from({ length: DECIDERS }, async () => {
          for (let c = queue.shift(); c; c = queue.shift()) {
            const kase = {
              id: c.id,
              requestId: c.requestId,
              referenceId: c.referenceId,
              kind: "ADJUDICATION" as const,
              gallery: c.candidates,
            };
            const verdicts = { candidates: c.candidates.map((g) => ({ referenceId: g.referenceId, duplicate: false })) };
            await decide(db.prisma, kase, buildResponse(kase, verdicts, mosip), mosip);
          }
        }),
      );
      let sent: { createdAt: Date; sentAt: Date | null }[] = [];
      const decidedBy = performance.now();
      for (;;) {
        sent = await db.prisma.outboxMessage.findMany({ where: { state: "SENT" }, select: { createdAt: true, sentAt: true } });
        if (sent.length >= N) break;
        const stuck = await db.prisma.outboxMessage.count({ where: { state: { in: ["FAILED", "UNCERTAIN"] } } });
        if (stuck) throw new Error(`${stuck} answer(s) FAILED or UNCERTAIN with ${count} instance(s)`);
        if (performance.now() - decidedBy > STAGE_LIMIT_MS)
          throw new Error(`only ${sent.length} of ${N} answers sent after ${STAGE_LIMIT_MS / 1000} s with ${count} instance(s)`);
        await sleep(100);
      }
      const answerLatencies = sent.map((s) => (s.sentAt!.getTime() - s.createdAt.getTime()) / 1000).sort((a, b) => a - b);
      const firstDecision = Math.min(...sent.map((s) => s.createdAt.getTime()));
      const lastReceipt = Math.max(...sent.map((s) => s.sentAt!.getTime()));
      const machine = machineTicks();
      rounds.push({
        instances: count,
        intakeRate: N / intakeSeconds,
        intakeP50: quantile(intakeLatencies, 0.5),
        intakeP95: quantile(intakeLatencies, 0.95),
        answerRate: N / ((lastReceipt - firstDecision) / 1000),
        answerP50: quantile(answerLatencies, 0.5),
        answerP95: quantile(answerLatencies, 0.95),
        cpuMas: instances.map((i, k) => cpuSeconds(i.pid) - cpu0.mas[k]),
        cpuPostgres: postgresCpu() - cpu0.pg,
        cpuBroker: brokerCpu() - cpu0.broker,
        cpuHere: hereCpu() - cpu0.here,
        machineBusy: (machine.busy - cpu0.machine.busy) / (machine.total - cpu0.machine.total),
        load: loadavg(),
        seconds: (performance.now() - started) / 1000,
      });
      console.error(`bench:scale: ${count} instance(s) done`);
      for (const i of instances) {
        await i.stop();
        running.splice(running.indexOf(i), 1);
      }
      await db.close();
    }
    print(rounds, loadBefore);
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

/** CPU seconds of every process of the run: the MAS instances, PostgreSQL, the broker and this one. */
const ours = (r: Round) => r.cpuMas.reduce((a, b) => a + b, 0) + r.cpuPostgres + r.cpuBroker + r.cpuHere;

function print(rounds: Round[], loadBefore: number[]) {
  const one = rounds[0];
  const f = (n: number, d = 1) => n.toFixed(d);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
  console.log(
    `bench:scale  N=${N} requests x ${CANDIDATES} candidates (${N * (CANDIDATES + 1)} encrypted datashares of ~${Math.round(SHARE_BYTES / 1024)} KB) per round; one PostgreSQL, one ActiveMQ; ${cpus().length} CPUs; load average before ${load(loadBefore)}`,
  );
  const header = [
    "inst",
    "intake req/s",
    "x one",
    "enq->READY p50/p95 s",
    "answers/s",
    "x one",
    "decision->receipt p50/p95 s",
    "CPU s: MAS each",
    "PostgreSQL",
    "broker",
    "bench+datashare",
    "CPU s/request",
    "cores got",
    "machine busy",
    "load avg after",
  ];
  const rows = rounds.map((r) => [
    String(r.instances),
    f(r.intakeRate),
    `${f(r.intakeRate / one.intakeRate, 2)}x`,
    `${f(r.intakeP50)} / ${f(r.intakeP95)}`,
    f(r.answerRate),
    `${f(r.answerRate / one.answerRate, 2)}x`,
    `${f(r.answerP50, 2)} / ${f(r.answerP95, 2)}`,
    r.cpuMas.map((c) => f(c)).join(" + "),
    f(r.cpuPostgres),
    f(r.cpuBroker),
    f(r.cpuHere),
    f(ours(r) / N, 3),
    f(ours(r) / r.seconds, 2),
    `${Math.round(r.machineBusy * 100)} %`,
    load(r.load),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  const two = rounds.find((r) => r.instances === 2);
  if (two) {
    const ratio = two.intakeRate / one.intakeRate;
    console.log(
      `  target: 2 instances >= ${TARGET_RATIO}x the intake of one: ${f(ratio, 2)}x ${ratio >= TARGET_RATIO ? "MET" : "NOT MET"}` +
        (ratio < TARGET_RATIO && two.machineBusy > 0.9
          ? ` (the machine's ${cpus().length} cores were ${Math.round(two.machineBusy * 100)} % busy, other processes included: CPU-bound here)`
          : ""),
    );
  }
  console.log(
    "  CPU s/request: all processes of the run, per request taken in and answered; cores got: their CPU time over the round's wall time",
  );
  console.log(
    "  answers/s and decision->receipt include up to 1 s of each publisher's poll (decisions written by another process do not wake it)",
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
