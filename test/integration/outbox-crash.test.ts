// Exactly one response per requestId across publisher crashes and broker restarts, against a real
// ActiveMQ and real PostgreSQL. "Crash" = the publisher stops dead at a chosen point (its hooks), leaving
// the database as a killed process would; a second publisher then starts on the same database.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startActiveMq, type ActiveMqBroker } from "../../scripts/lib/activemq.mjs";
import { createTestDatabase } from "./helpers/test-database";
import { queueEnv, waitFor } from "./helpers/bridge-helpers";
import { ADMIN, buildResponse, createReadyCase, decide, startTestPublisher, withQueues, type ReadyCase } from "./helpers/outbox-helpers";
import { receiveJms } from "./java/recv-jms";
import type { MosipEnv } from "@/lib/env/env-schema";
import { resolveUncertain } from "@/lib/outbox/resolve-uncertain";
import type { Database } from "@/lib/db/open-database";

let broker: ActiveMqBroker;
let workDir: string;
let db: Database;
let drop: () => Promise<void>;
let env: MosipEnv;
const logs: string[] = [];

before(async () => {
  workDir = mkdtempSync(join(tmpdir(), "mas-outbox-crash-"));
  [broker, { db, drop }] = await Promise.all([startActiveMq(workDir), createTestDatabase("outbox_crash")]);
  env = queueEnv({ MOSIP_QUEUE_URL: broker.stompUrl });
});

after(async () => {
  await broker?.stop();
  await drop?.();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function decideNotDuplicate(mosip: MosipEnv): Promise<ReadyCase> {
  const kase = await createReadyCase(db.prisma, "ADJUDICATION", 2);
  await decide(
    db.prisma,
    kase,
    buildResponse(kase, { candidates: kase.gallery.map((g) => ({ referenceId: g.referenceId, duplicate: false })) }, mosip),
    mosip,
  );
  return kase;
}

const outboxOf = (kase: ReadyCase) => db.prisma.outboxMessage.findUniqueOrThrow({ where: { caseId: kase.id } });

async function stateBecomes(kase: ReadyCase, state: string) {
  return waitFor(`outbox of ${kase.id} ${state}`, async () => {
    const o = await outboxOf(kase);
    return o.state === state ? o : null;
  });
}

async function countOnQueue(mosip: MosipEnv, requestId: string): Promise<number> {
  const got = await receiveJms({ openwireUrl: broker.openwireUrl, queue: mosip.queues.adjudicationResponse });
  return got.filter((m) => JSON.parse(m.body).requestId === requestId).length;
}

test("crash after the broker accepted, before the mark: UNCERTAIN after restart, one message, admin marks it sent", async () => {
  const mosip = withQueues(env, "crash-after");
  const kase = await decideNotDuplicate(mosip);
  await new Promise<void>((res) => {
    const first = startTestPublisher(db.prisma, mosip, logs, {
      hooks: {
        afterReceipt: async () => {
          setImmediate(() => void first.stop().then(res));
          throw new Error("killed after the receipt");
        },
      },
    });
  });
  assert.equal((await outboxOf(kase)).state, "SENDING", "the crash left the row half-sent");

  // Restart. A SENDING row older than the stale limit is taken as left behind by a dead publisher.
  const second = startTestPublisher(db.prisma, mosip, logs, { staleSendingMs: 200 });
  try {
    const row = await stateBecomes(kase, "UNCERTAIN");
    assert.match(row.lastError ?? "", /may or may not/);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal((await outboxOf(kase)).state, "UNCERTAIN", "never resent automatically");
    assert.equal(await countOnQueue(mosip, kase.requestId), 1, "the queue holds exactly the one message sent before the crash");

    await resolveUncertain(db.prisma, row.id, "markSent", ADMIN);
    const c = await db.prisma.case.findUniqueOrThrow({ where: { id: kase.id }, include: { outbox: true } });
    assert.equal(c.outbox?.state, "SENT");
    assert.equal(c.state, "ANSWERED");
    const audit = await db.prisma.auditEvent.findMany({ where: { targetId: row.id }, orderBy: { id: "asc" } });
    assert.deepEqual(
      audit.map((a) => a.action),
      ["outbox.uncertain", "outbox.marked_sent"],
    );
    assert.equal(audit[1].actorUsername, ADMIN.username);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await countOnQueue(mosip, kase.requestId), 0, "nothing more was sent");
  } finally {
    await second.stop();
  }
});

test("crash before the hand-over: UNCERTAIN after restart, nothing on the queue; after the admin's send-now exactly one", async () => {
  const mosip = withQueues(env, "crash-before");
  const kase = await decideNotDuplicate(mosip);
  await new Promise<void>((res) => {
    const first = startTestPublisher(db.prisma, mosip, logs, {
      hooks: {
        afterClaim: async () => {
          setImmediate(() => void first.stop().then(res));
          throw new Error("killed after the claim");
        },
      },
    });
  });
  assert.equal((await outboxOf(kase)).state, "SENDING");
  const second = startTestPublisher(db.prisma, mosip, logs, { staleSendingMs: 200 });
  try {
    const row = await stateBecomes(kase, "UNCERTAIN");
    assert.equal(await countOnQueue(mosip, kase.requestId), 0, "nothing reached the broker");
    await resolveUncertain(db.prisma, row.id, "sendNow", ADMIN);
    second.kick();
    await stateBecomes(kase, "SENT");
    assert.equal(await countOnQueue(mosip, kase.requestId), 1);
    assert.equal((await db.prisma.case.findUniqueOrThrow({ where: { id: kase.id } })).state, "ANSWERED");
    assert.equal(await db.prisma.auditEvent.count({ where: { targetId: row.id, action: "outbox.resend_confirmed" } }), 1);
  } finally {
    await second.stop();
  }
});

test("broker down: rows wait PENDING; after the broker is back each goes out once", async () => {
  const mosip = withQueues(env, "down");
  const publisher = startTestPublisher(db.prisma, mosip, logs);
  try {
    await waitFor("connected", async () => publisher.status().connected);
    await broker.stop();
    await waitFor("disconnected", async () => !publisher.status().connected);
    const cases = [await decideNotDuplicate(mosip), await decideNotDuplicate(mosip), await decideNotDuplicate(mosip)];
    publisher.kick();
    await new Promise((r) => setTimeout(r, 1000));
    for (const k of cases) assert.equal((await outboxOf(k)).state, "PENDING", "nothing handed over, nothing uncertain");
    await broker.restart();
    for (const k of cases) await stateBecomes(k, "SENT");
    assert.ok(publisher.status().reconnectCount >= 1);
    const got = await receiveJms({ openwireUrl: broker.openwireUrl, queue: mosip.queues.adjudicationResponse });
    assert.deepEqual(got.map((m) => JSON.parse(m.body).requestId).sort(), cases.map((k) => k.requestId).sort());
  } finally {
    await publisher.stop();
  }
});

test("broker killed and restarted in the middle of a burst: at most one message per requestId; every SENT row has exactly one", async () => {
  const mosip = withQueues(env, "burst");
  const cases: ReadyCase[] = [];
  for (let i = 0; i < 30; i++) cases.push(await decideNotDuplicate(mosip));
  const publisher = startTestPublisher(db.prisma, mosip, logs);
  try {
    await waitFor(
      "some sent",
      async () => (await db.prisma.outboxMessage.count({ where: { caseId: { in: cases.map((c) => c.id) }, state: "SENT" } })) >= 5,
    );
    await broker.kill();
    await new Promise((r) => setTimeout(r, 300));
    await broker.restart();
    await waitFor(
      "every row settled",
      async () =>
        (await db.prisma.outboxMessage.count({
          where: { caseId: { in: cases.map((c) => c.id) }, state: { in: ["PENDING", "SENDING"] } },
        })) === 0,
    );
  } finally {
    await publisher.stop();
  }
  const rows = await db.prisma.outboxMessage.findMany({ where: { caseId: { in: cases.map((c) => c.id) } } });
  const got = await receiveJms({ openwireUrl: broker.openwireUrl, queue: mosip.queues.adjudicationResponse });
  const counts = new Map<string, number>();
  for (const m of got) counts.set(JSON.parse(m.body).requestId, (counts.get(JSON.parse(m.body).requestId) ?? 0) + 1);
  for (const r of rows) {
    const n = counts.get(r.requestId) ?? 0;
    assert.ok(n <= 1, `${r.requestId} arrived ${n} times`);
    if (r.state === "SENT") assert.equal(n, 1, `SENT row ${r.id} is on the queue`);
    else assert.equal(r.state, "UNCERTAIN", `row ${r.id} is ${r.state}`);
  }
  const uncertain = rows.filter((r) => r.state === "UNCERTAIN").length;
  logs.push(`[test] burst: ${rows.length - uncertain} sent, ${uncertain} uncertain`);
  assert.ok(rows.length - uncertain >= 25, "almost all went out");
});
