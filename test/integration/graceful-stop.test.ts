// SIGTERM, as Kubernetes sends it before removing a pod: a whole MAS instance (bridge, downloads, publisher,
// periodic tasks) stops within its grace period and leaves nothing half done: no answer SENDING or UNCERTAIN,
// no download DOWNLOADING, no request lost or taken twice. A restarted instance then finishes the work.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startActiveMq, type ActiveMqBroker } from "../../scripts/lib/activemq.mjs";
import { createTestDatabase } from "./helpers/test-database";
import { adjudicationRequest, countQueue, publishStomp, rid, waitFor } from "./helpers/bridge-helpers";
import { buildResponse, createReadyCase, decide } from "./helpers/outbox-helpers";
import { writePartnerKeyFiles } from "./helpers/partner-key-files";
import { parseEnv, type MosipEnv } from "@/lib/env/env-schema";
import type { Database } from "@/lib/db/open-database";

const REQUESTS = 120;
const DECIDED = 60;

let broker: ActiveMqBroker;
let workDir: string;
let db: Database;
let url: string;
let drop: () => Promise<void>;
let server: http.Server;
let base: string;
let slow = true;
let gets = 0;
const children: ChildProcess[] = [];
const queues = (() => {
  const tag = randomBytes(3).toString("hex");
  return {
    MOSIP_ADJUDICATION_REQUEST_QUEUE: `stop-${tag}-adjudication`,
    MOSIP_ADJUDICATION_RESPONSE_QUEUE: `stop-${tag}-adjudication-answers`,
    MOSIP_VERIFICATION_REQUEST_QUEUE: `stop-${tag}-verification`,
    MOSIP_VERIFICATION_RESPONSE_QUEUE: `stop-${tag}-verification-answers`,
  };
})();

before(async () => {
  workDir = mkdtempSync(join(tmpdir(), "mas-graceful-stop-"));
  [broker, { db, url, drop }] = await Promise.all([startActiveMq(workDir), createTestDatabase("graceful_stop")]);
  // Slow shares while the first instance runs, so that downloads are in flight when it is told to stop.
  server = http.createServer((_req, res) => {
    gets++;
    setTimeout(() => res.end("a share"), slow ? 1500 : 0);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const c of children) c.kill("SIGKILL");
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await broker?.stop();
  await drop?.();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function startInstance(name: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/integration/helpers/app-child.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "development",
      MAS_DEPLOYMENT: "development",
      NEXT_MANUAL_SIG_HANDLE: "true",
      DATABASE_URL: url,
      MAS_DATA_DIR: join(workDir, name),
      MAS_ADMIN_USERNAME: "chief",
      MAS_ADMIN_PASSWORD: randomBytes(12).toString("base64url"),
      MOSIP_QUEUE_URL: broker.stompUrl,
      MOSIP_DATASHARE_ALLOWED_ORIGINS: base,
      MAS_AUTO_ASSIGN_SECONDS: "5",
      ...writePartnerKeyFiles(workDir),
      ...queues,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (out += b.toString()));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes("\nready") || out.startsWith("ready")) {
        clearInterval(timer);
        resolve({ child, output: () => out });
      }
    }, 50);
    child.on("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`instance ${name} exited (${code}) before it was ready:\n${out.slice(-3000)}`));
    });
  });
}

function stopped(child: ChildProcess, ms: number): Promise<{ code: number | null; afterMs: number }> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running ${ms} ms after SIGTERM`)), ms);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, afterMs: Date.now() - t0 });
    });
    child.kill("SIGTERM");
  });
}

async function outboxStates(): Promise<Record<string, number>> {
  const rows = await db.prisma.outboxMessage.groupBy({ by: ["state"], _count: true });
  return Object.fromEntries(rows.map((r) => [r.state, r._count]));
}

test("SIGTERM stops an instance within its grace period with nothing half done; a restart finishes the work", async () => {
  const mosip: MosipEnv = parseEnv({ MOSIP_QUEUE_URL: broker.stompUrl, MOSIP_DATASHARE_ALLOWED_ORIGINS: base, ...queues }).mosip;
  // Answers waiting to go out, so that the publisher is busy when the signal comes.
  for (let i = 0; i < DECIDED; i++) {
    const kase = await createReadyCase(db.prisma, "ADJUDICATION", 1);
    await decide(
      db.prisma,
      kase,
      buildResponse(kase, { candidates: [{ referenceId: kase.gallery[0].referenceId, duplicate: false }] }, mosip),
      mosip,
    );
  }
  const requests = Array.from({ length: REQUESTS }, () =>
    adjudicationRequest({
      referenceURL: `${base}/v1/datashare/get/p/s/${rid()}`,
      gallery: [{ referenceId: rid(), referenceURL: `${base}/v1/datashare/get/p/s/${rid()}` }],
    }),
  );
  await publishStomp(
    broker.stompPort,
    queues.MOSIP_ADJUDICATION_REQUEST_QUEUE,
    requests.map((r) => ({ body: JSON.stringify(r) })),
  );

  const first = await startInstance("first");
  await waitFor("downloads in flight and answers going out", async () => gets >= 2 && ((await outboxStates()).SENT ?? 0) >= 1);
  const { code, afterMs } = await stopped(first.child, 60_000);
  console.log(`[graceful-stop] exited ${code} after ${afterMs} ms; outbox ${JSON.stringify(await outboxStates())}`);
  assert.equal(code, 0, `exit code 0 after a graceful stop; output:\n${first.output().slice(-3000)}`);
  assert.match(first.output(), /stopped gracefully/);

  const outbox = await outboxStates();
  assert.equal(outbox.SENDING ?? 0, 0, "no answer left SENDING");
  assert.equal(outbox.UNCERTAIN ?? 0, 0, "a graceful stop never makes an answer UNCERTAIN");
  assert.equal(await db.prisma.datashareDownload.count({ where: { state: "DOWNLOADING" } }), 0, "no download left mid-GET");
  const cases = await db.prisma.case.count({ where: { requestId: { in: requests.map((r) => r.requestId as string) } } });
  const onQueue = await countQueue(broker.stompPort, queues.MOSIP_ADJUDICATION_REQUEST_QUEUE);
  assert.equal(cases + onQueue, REQUESTS, `every request is either a case (${cases}) or still on the queue (${onQueue})`);

  // A new instance takes over: every request becomes exactly one case, every share is stored, every answer sent.
  slow = false;
  const second = await startInstance("second");
  await waitFor(
    "all requests taken in and downloaded, all answers sent",
    async () => {
      const [taken, pendingDownloads, states] = await Promise.all([
        db.prisma.case.count({ where: { requestId: { in: requests.map((r) => r.requestId as string) } } }),
        db.prisma.datashareDownload.count({ where: { state: { in: ["PENDING", "DOWNLOADING"] } } }),
        outboxStates(),
      ]);
      return taken === REQUESTS && pendingDownloads === 0 && states.SENT === DECIDED;
    },
    180_000,
  );
  const perRequest = await db.prisma.case.groupBy({ by: ["requestId"], _count: true, having: { requestId: { _count: { gt: 1 } } } });
  assert.deepEqual(perRequest, [], "no request became two cases");
  const again = await stopped(second.child, 60_000);
  assert.equal(again.code, 0);
  assert.deepEqual(await outboxStates(), { SENT: DECIDED });
});
