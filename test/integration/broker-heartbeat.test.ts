// STOMP heart-beats against a real ActiveMQ: idle connections of the request consumer and the response sender
// must survive the broker's own heart-beat schedule (its first beat comes two intervals after CONNECTED, the
// very instant stompjs' default tolerance gives up), even when the broker is late; and a heart-beat lost while
// the sender has nothing in flight must never leave a response UNCERTAIN.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startActiveMq, type ActiveMqBroker } from "../../scripts/lib/activemq.mjs";
import { createTestDatabase } from "./helpers/test-database";
import { queueEnv, waitFor } from "./helpers/bridge-helpers";
import { buildResponse, createReadyCase, decide, startTestPublisher, withQueues } from "./helpers/outbox-helpers";
import { receiveJms } from "./java/recv-jms";
import type { MosipEnv } from "@/lib/env/env-schema";
import { startMosipBridge } from "@/lib/bridge/start-mosip-bridge";
import type { Database } from "@/lib/db/open-database";

// Short, so that five periods fit in a few seconds; the schedule scales with it (production: 10 s).
const HEARTBEAT_MS = 2000;

let broker: ActiveMqBroker;
let workDir: string;
let db: Database;
let drop: () => Promise<void>;
let env: MosipEnv;

before(async () => {
  workDir = mkdtempSync(join(tmpdir(), "mas-heartbeat-"));
  [broker, { db, drop }] = await Promise.all([startActiveMq(workDir), createTestDatabase("heartbeat")]);
  env = queueEnv({ MOSIP_QUEUE_URL: broker.stompUrl, MOSIP_QUEUE_HEARTBEAT_MS: String(HEARTBEAT_MS) });
});

after(async () => {
  await broker?.stop();
  await drop?.();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function sideEnv(name: string): MosipEnv {
  const e = withQueues(env, name);
  return {
    ...e,
    queues: { ...e.queues, adjudicationRequest: `${name}-mosip-to-adjudication`, verificationRequest: `${name}-mosip-to-verification` },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("idle consumer and sender stay connected for 5 heart-beat periods, even when the broker's first beat is late", async () => {
  const logs: string[] = [];
  const mosip = sideEnv("idle");
  const log = (l: string) => logs.push(`${new Date().toISOString()} ${l}`);
  // The heart-beat interval comes from the environment, as in production (no heartbeatMs option).
  const bridge = startMosipBridge(db.prisma, mosip, { reconnect: { baseMs: 100, maxMs: 500 }, log });
  const publisher = startTestPublisher(db.prisma, mosip, [], { heartbeatMs: undefined, log });
  try {
    await waitFor("both connected", async () => bridge.status().connected && publisher.status().connected);
    const connectedAt = [bridge.status().connectedAt!.getTime(), publisher.status().connectedAt!.getTime()];
    // ActiveMQ's first beat is due two intervals after CONNECTED; freeze the broker over that instant for
    // both connections, as a GC pause or a busy node would, so that the beat arrives after the client's check.
    const from = Math.min(...connectedAt) + 2 * HEARTBEAT_MS - 600;
    const until = Math.max(...connectedAt) + 2 * HEARTBEAT_MS + 400;
    assert.ok(from > Date.now(), "connected just now");
    await sleep(from - Date.now());
    await broker.pause(until - Date.now());
    // Idle on to 6 periods after the later connection: past the late beat, then several regular ones.
    await sleep(Math.max(...connectedAt) + 6 * HEARTBEAT_MS - Date.now());

    const lines = logs.join("\n");
    assert.equal(bridge.status().reconnectCount, 0, `consumer reconnected:\n${lines}`);
    assert.equal(publisher.status().reconnectCount, 0, `sender reconnected:\n${lines}`);
    assert.ok(bridge.status().connected && publisher.status().connected, lines);
    assert.ok(!/heart-beat|lost/.test(lines), lines);
  } finally {
    await publisher.stop();
    await bridge.stop();
  }
});

test("a heart-beat lost while the sender has nothing in flight leaves no response UNCERTAIN", async () => {
  const logs: string[] = [];
  const mosip = sideEnv("lost");
  const publisher = startTestPublisher(db.prisma, mosip, logs, { heartbeatMs: undefined });
  try {
    await waitFor("sender connected", async () => publisher.status().connected);
    const decideOne = async () => {
      const kase = await createReadyCase(db.prisma, "ADJUDICATION", 1);
      const response = buildResponse(kase, { candidates: [{ referenceId: kase.gallery[0].referenceId, duplicate: false }] }, mosip);
      await decide(db.prisma, kase, response, mosip);
      publisher.kick();
      return kase;
    };
    const sent = (id: string) =>
      waitFor(
        `case ${id} answered`,
        async () => (await db.prisma.outboxMessage.findUniqueOrThrow({ where: { caseId: id } })).state === "SENT",
      );
    // One answer before, so the connection has carried a SEND and its receipt, then went idle again.
    const before = await decideOne();
    await sent(before.id);

    // Frozen well past 3 intervals: the sender's heart-beat really is lost, with nothing waiting for a receipt.
    const paused = broker.pause(4 * HEARTBEAT_MS + 2000);
    await waitFor("heart-beat lost", async () => !publisher.status().connected);
    const during = await decideOne();
    await paused;
    await sent(during.id);

    assert.ok(
      logs.some((l) => l.includes("no heart-beat")),
      logs.join("\n"),
    );
    assert.ok(publisher.status().reconnectCount >= 1);
    assert.equal(await db.prisma.outboxMessage.count({ where: { state: "UNCERTAIN" } }), 0);
    const got = await receiveJms({ openwireUrl: broker.openwireUrl, queue: mosip.queues.adjudicationResponse });
    assert.deepEqual(
      got.map((m) => JSON.parse(m.body).requestId).sort(),
      [before.requestId, during.requestId].sort(),
      "each answer exactly once",
    );
  } finally {
    await publisher.stop();
  }
});
