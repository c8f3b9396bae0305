// The bridge against a real ActiveMQ (Debian's package, started here) and real PostgreSQL: messages
// sent the way MOSIP sends them (Java JMS over OpenWire), acknowledged only after commit, redelivered
// after a failure, and nothing lost across a broker crash.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startActiveMq, type ActiveMqBroker } from "../../scripts/lib/activemq.mjs";
import { createTestDatabase } from "./helpers/test-database";
import { adjudicationRequest, countQueue, publishStomp, queueEnv, rid, verificationRequest, waitFor } from "./helpers/bridge-helpers";
import { sendJms } from "./java/send-jms";
import type { MosipEnv } from "@/lib/env/env-schema";
import { startMosipBridge, type MosipBridge } from "@/lib/bridge/start-mosip-bridge";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { Database } from "@/lib/db/open-database";
import { Writable } from "node:stream";
import { createLogger, toLog, type Log } from "@/lib/log/logger";

let broker: ActiveMqBroker;
let workDir: string;
let db: Database;
let drop: () => Promise<void>;
let env: MosipEnv;
let bridge: MosipBridge;
const logs: string[] = [];
// The lines as the app writes them (pino JSON, with their fields), collected to check what reaches the log.
const log: Log = toLog(
  createLogger({
    level: "debug",
    destination: new Writable({
      write(chunk, _e, done) {
        logs.push(...chunk.toString().split("\n").filter(Boolean));
        done();
      },
    }),
  }),
);
const fast = { reconnect: { baseMs: 100, maxMs: 500 }, heartbeatMs: 2000, downloadPollMs: 100, log };
const sentReferenceIds: string[] = [];

before(async () => {
  workDir = mkdtempSync(join(tmpdir(), "mas-amq-"));
  [broker, { db, drop }] = await Promise.all([startActiveMq(workDir), createTestDatabase("bridge_mq")]);
  // Datashare URLs in these requests point at a closed port: a one-second validity leaves no time for a
  // retry, so one quick failed try each.
  env = queueEnv({ MOSIP_QUEUE_URL: broker.stompUrl, MAS_DATASHARE_VALIDITY_SECONDS: "1", MOSIP_DATASHARE_TIMEOUT_MS: "500" });
  bridge = startMosipBridge(db.prisma, env, fast);
  await waitFor("bridge connected", async () => bridge.status().connected);
});

after(async () => {
  await bridge?.stop();
  await broker?.stop();
  await drop?.();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function request(extra: Parameters<typeof adjudicationRequest>[0] = {}) {
  const r = adjudicationRequest({ gallery: [{ referenceId: rid(), referenceURL: "http://127.0.0.1:9/v1/datashare/get/p/s/g" }], ...extra });
  sentReferenceIds.push(r.referenceId as string);
  return r;
}

async function caseOf(requestId: string) {
  return waitFor(`case for ${requestId}`, () => db.prisma.case.findUnique({ where: { requestId }, include: { inboxMessage: true } }));
}

test("a TextMessage and a BytesMessage from the Java JMS client become cases; the JMS expiry is the deadline", async () => {
  const text = request();
  const bytes = request();
  const verification = verificationRequest({});
  const ttlMs = 10 * 60_000;
  const [[t], [b], [v]] = await Promise.all([
    sendJms({
      openwireUrl: broker.openwireUrl,
      queue: env.queues.adjudicationRequest,
      format: "text",
      ttlMs,
      bodies: [JSON.stringify(text)],
    }),
    sendJms({
      openwireUrl: broker.openwireUrl,
      queue: env.queues.adjudicationRequest,
      format: "bytes",
      ttlMs,
      bodies: [JSON.stringify(bytes)],
    }),
    sendJms({
      openwireUrl: broker.openwireUrl,
      queue: env.queues.verificationRequest,
      format: "text",
      ttlMs: 0,
      bodies: [JSON.stringify(verification)],
    }),
  ]);
  const ct = await caseOf(text.requestId as string);
  const cb = await caseOf(bytes.requestId as string);
  const cv = await caseOf(verification.requestId as string);
  assert.equal(ct.requestFormat, "TEXT");
  assert.equal(cb.requestFormat, "BYTES");
  assert.equal(cv.kind, "VERIFICATION");
  assert.equal(ct.inboxMessage?.brokerMessageId, t.messageId);
  assert.equal(cb.inboxMessage?.brokerMessageId, b.messageId);
  assert.equal(ct.expiresAt?.getTime(), t.expiration);
  assert.equal(ct.deadlineAt?.getTime(), t.expiration, "10 min TTL is earlier than requesttime + 90 min");
  assert.equal(cv.expiresAt, null, "TTL 0 = no expiry");
  assert.equal(Buffer.from(cb.inboxMessage!.body!).toString("utf8"), JSON.stringify(bytes));
  assert.ok(v.messageId);
  await waitFor("queues drained", async () => (await countQueue(broker.stompPort, env.queues.adjudicationRequest)) === 0);
});

test("every kind of malformed message is stored with its reason and taken off the queue", async () => {
  const missing = request();
  delete (missing as Record<string, unknown>).requestId;
  const bodies = [
    { body: "not json at all", code: "NOT_JSON" },
    { body: JSON.stringify({ ...request(), id: "mosip.unknown" }), code: "UNKNOWN_ID" },
    { body: JSON.stringify(missing), code: "MISSING_FIELD" },
    { body: JSON.stringify({ ...request(), gallery: "none" }), code: "WRONG_TYPE" },
    { body: JSON.stringify({ ...request(), pad: "x".repeat(env.maxRequestBytes) }), code: "OVERSIZE" },
  ];
  const before = await db.prisma.inboxMessage.count({ where: { outcome: "REJECTED" } });
  await publishStomp(
    broker.stompPort,
    env.queues.adjudicationRequest,
    bodies.map((b, i) => ({ body: b.body, format: i % 2 ? "bytes" : "text" })),
  );
  const rows = await waitFor("five intake errors", async () => {
    const r = await db.prisma.inboxMessage.findMany({ where: { outcome: "REJECTED" }, orderBy: { id: "asc" }, skip: before });
    return r.length === bodies.length ? r : null;
  });
  assert.deepEqual(
    rows.map((r) => r.errorCode),
    bodies.map((b) => b.code),
  );
  assert.ok(rows.every((r) => r.errorReason && r.errorReason.length > 0));
  await waitFor("queue drained", async () => (await countQueue(broker.stompPort, env.queues.adjudicationRequest)) === 0);
  assert.ok(bridge.status().connected, "bad messages do not break the connection");
});

test("a duplicate message makes one case; a new request for the same RID supersedes the open one", async () => {
  const first = request();
  const again = { ...first };
  const newer = request({ referenceId: first.referenceId as string });
  await publishStomp(broker.stompPort, env.queues.adjudicationRequest, [
    { body: JSON.stringify(first) },
    { body: JSON.stringify(again) },
    { body: JSON.stringify(newer) },
  ]);
  const newCase = await caseOf(newer.requestId as string);
  const oldCase = await db.prisma.case.findUniqueOrThrow({ where: { requestId: first.requestId as string } });
  assert.equal(oldCase.state, "SUPERSEDED");
  assert.equal(oldCase.supersededById, newCase.id);
  const inbox = await db.prisma.inboxMessage.findMany({ where: { requestId: first.requestId as string }, orderBy: { id: "asc" } });
  assert.deepEqual(
    inbox.map((i) => i.outcome),
    ["CREATED", "DUPLICATE"],
  );
});

test("MOSIP's re-send over the broker: the same gallery keeps the review done on the request it replaces", async () => {
  const first = request();
  await publishStomp(broker.stompPort, env.queues.adjudicationRequest, [{ body: JSON.stringify(first) }]);
  const old = await caseOf(first.requestId as string);
  // The review had reached the secondary: a primary decision with its comment, a secondary assigned.
  const [a, b] = await Promise.all(
    ["resend-a", "resend-b"].map((u) => db.prisma.user.create({ data: { username: `${u}-${old.id.slice(0, 6)}` } })),
  );
  await db.prisma.case.update({
    where: { id: old.id },
    data: { state: "IN_SECONDARY", primaryAssigneeId: a.id, secondaryAssigneeId: b.id, secondaryAssignedAt: new Date() },
  });
  await db.prisma.decision.create({
    data: { caseId: old.id, level: "PRIMARY", userId: a.id, body: { candidates: [] }, comment: "checked" },
  });

  // The reprocessor re-sends under a new requestId, same applicant, same gallery (fresh datashare URLs).
  const gallery = first.gallery as { referenceIds: { referenceId: string }[] };
  const resent = request({
    referenceId: first.referenceId as string,
    gallery: gallery.referenceIds.map((g) => ({ referenceId: g.referenceId, referenceURL: "http://127.0.0.1:9/v1/datashare/get/p/s/g2" })),
  });
  await publishStomp(broker.stompPort, env.queues.adjudicationRequest, [{ body: JSON.stringify(resent) }]);
  const fresh = await caseOf(resent.requestId as string);
  const decisions = await db.prisma.decision.findMany({ where: { caseId: fresh.id } });
  assert.equal((await db.prisma.case.findUniqueOrThrow({ where: { id: old.id } })).state, "SUPERSEDED");
  assert.equal(fresh.primaryAssigneeId, a.id);
  assert.equal(fresh.secondaryAssigneeId, b.id);
  assert.deepEqual(
    decisions.map((d) => [d.level, d.userId, d.comment]),
    [["PRIMARY", a.id, "checked"]],
  );
  assert.ok(await db.prisma.auditEvent.findFirst({ where: { action: "case.progressCarried", targetId: fresh.id } }));
  await waitFor("request queue drained", async () => (await countQueue(broker.stompPort, env.queues.adjudicationRequest)) === 0);
});

/** A client whose transactions fail on chosen calls, like a database that drops a write. */
function flakyPrisma(real: PrismaClient, fail: (call: number) => "before" | "after" | null): PrismaClient {
  let calls = 0;
  return new Proxy(real, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop !== "$transaction") return typeof value === "function" ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        const mode = fail(++calls);
        if (mode === "before") throw new Error("simulated database failure before commit");
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (mode === "after") throw new Error("simulated crash after commit, before ack");
        return result;
      };
    },
  }) as PrismaClient;
}

function sideEnv(name: string): MosipEnv {
  return { ...env, queues: { ...env.queues, adjudicationRequest: `test-${name}`, verificationRequest: `test-${name}-v` } };
}

test("a failed database write is not acknowledged: the broker redelivers and one case results", async () => {
  const side = startMosipBridge(
    flakyPrisma(db.prisma, (n) => (n === 1 ? "before" : null)),
    sideEnv("redeliver"),
    fast,
  );
  try {
    const r = request();
    await publishStomp(broker.stompPort, "test-redeliver", [{ body: JSON.stringify(r) }]);
    await caseOf(r.requestId as string);
    const inbox = await db.prisma.inboxMessage.findMany({ where: { requestId: r.requestId as string } });
    assert.deepEqual(
      inbox.map((i) => [i.outcome, i.redelivered]),
      [["CREATED", true]],
    );
    assert.ok(logs.some((l) => l.includes("left for redelivery")));
    await waitFor("queue drained", async () => (await countQueue(broker.stompPort, "test-redeliver")) === 0);
  } finally {
    await side.stop();
  }
});

test("a crash after commit but before the ACK: redelivered, recorded as a duplicate, still one case", async () => {
  const side = startMosipBridge(
    flakyPrisma(db.prisma, (n) => (n === 1 ? "after" : null)),
    sideEnv("crash"),
    fast,
  );
  try {
    const r = request();
    await publishStomp(broker.stompPort, "test-crash", [{ body: JSON.stringify(r) }]);
    const inbox = await waitFor("the redelivery", async () => {
      const rows = await db.prisma.inboxMessage.findMany({ where: { requestId: r.requestId as string }, orderBy: { id: "asc" } });
      return rows.length === 2 ? rows : null;
    });
    assert.deepEqual(
      inbox.map((i) => [i.outcome, i.redelivered]),
      [
        ["CREATED", false],
        ["DUPLICATE", true],
      ],
    );
    assert.equal(await db.prisma.case.count({ where: { requestId: r.requestId as string } }), 1);
    await waitFor("queue drained", async () => (await countQueue(broker.stompPort, "test-crash")) === 0);
  } finally {
    await side.stop();
  }
});

test("a message that keeps failing is parked as an intake error instead of blocking the queue", async () => {
  const side = startMosipBridge(
    flakyPrisma(db.prisma, (n) => (n <= 3 ? "before" : null)),
    sideEnv("poison"),
    { ...fast, maxStoreFailures: 3 },
  );
  try {
    const r = request();
    const next = request();
    await publishStomp(broker.stompPort, "test-poison", [{ body: JSON.stringify(r) }, { body: JSON.stringify(next) }]);
    await caseOf(next.requestId as string);
    const parked = await db.prisma.inboxMessage.findFirstOrThrow({ where: { destination: "test-poison", errorCode: "STORE_FAILED" } });
    assert.equal(Buffer.from(parked.body!).toString(), JSON.stringify(r));
    assert.match(parked.errorReason ?? "", /after 3 attempts/);
  } finally {
    await side.stop();
  }
});

test("a broker crash and restart: the bridge reconnects, and nothing queued meanwhile is lost", async () => {
  // Queued for a consumer that is not running, so it must survive the crash in KahaDB.
  const waiting = request();
  await publishStomp(broker.stompPort, "test-later", [{ body: JSON.stringify(waiting) }]);
  const reconnectsBefore = bridge.status().reconnectCount;

  await broker.kill();
  await waitFor("bridge notices", async () => !bridge.status().connected);
  await broker.restart();
  await waitFor("bridge reconnected", async () => bridge.status().connected && bridge.status().reconnectCount > reconnectsBefore);

  const afterRestart = request();
  await sendJms({
    openwireUrl: broker.openwireUrl,
    queue: env.queues.adjudicationRequest,
    format: "text",
    ttlMs: 60_000,
    bodies: [JSON.stringify(afterRestart)],
  });
  await caseOf(afterRestart.requestId as string);

  const later = startMosipBridge(db.prisma, sideEnv("later"), fast);
  try {
    await caseOf(waiting.requestId as string);
  } finally {
    await later.stop();
  }
  assert.match(bridge.status().url ?? "", /^stomp:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(bridge.status().lastMessageAt);
});

test("logs name ids and codes only: no datashare URL, no RID, no message body", () => {
  assert.ok(logs.length > 0);
  const parsed = logs.map((l) => JSON.parse(l) as { msg: string; queueMessageId?: string });
  // Lines about a message carry its log id (a hash), never the broker's message-id.
  assert.ok(parsed.some((l) => /request .* -> case/.test(l.msg) && /^[0-9a-f]{16}$/.test(l.queueMessageId ?? "")));
  for (const line of logs) {
    assert.ok(!line.includes("ID:"), `broker message-id in log line: ${line}`);
    assert.ok(!line.includes("http://"), `URL in log line: ${line}`);
    for (const id of sentReferenceIds) assert.ok(!line.includes(id), `RID in log line: ${line}`);
  }
});
