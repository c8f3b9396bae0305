// npm run soak:idle [-- MINUTES]
//
// Keeps an idle request consumer and an idle response sender connected to a broker for MINUTES (default 10)
// with the production heart-beat (MOSIP_QUEUE_HEARTBEAT_MS, default 10 s), and fails if either of them ever
// reconnects. With MOSIP_QUEUE_URL set it checks the operator's own broker (and the network in between);
// without it, a private ActiveMQ is started. The consumer listens on a queue of its own, so no MOSIP request
// is ever taken, and the sender sends nothing.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startActiveMq } from "./lib/activemq.mjs";
import { parseEnv } from "@/lib/env/env-schema";
import { parseQueueUrls } from "@/lib/broker/parse-queue-urls";
import { startQueueConsumer } from "@/lib/broker/queue-consumer";
import { queueDialect } from "@/lib/broker/queue-dialect";
import { connectResponseSender } from "@/lib/outbox/connect-response-sender";

const minutes = Number(process.argv[2] ?? 10);
const started = Date.now();
const stamp = () => `${new Date().toISOString()} +${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (line: string) => console.log(`${stamp()} ${line}`);

const env = parseEnv(process.env).mosip;
const workDir = env.queueUrl ? null : mkdtempSync(join(tmpdir(), "mas-soak-"));
const broker = workDir ? await startActiveMq(workDir) : null;
const endpoints = parseQueueUrls(env.queueUrl ?? broker!.stompUrl, env.queueTls);
log(`broker ${endpoints.map((e) => e.display).join(", ")}, heart-beat ${env.heartbeatMs} ms, ${minutes} min`);

const queue = `mas-soak-idle-${randomBytes(4).toString("hex")}`;
const dialect = queueDialect(env.broker);
const consumer = startQueueConsumer({
  endpoints,
  dialect,
  queues: [queue],
  heartbeatMs: env.heartbeatMs,
  handler: async () => {
    throw new Error("the soak queue is not meant to receive anything");
  },
  log,
});
const sender = connectResponseSender({ endpoints, dialect, heartbeatMs: env.heartbeatMs, log: (l) => log(l) });

const end = started + minutes * 60_000;
let lastReport = Date.now();
while (Date.now() < end) {
  await new Promise((r) => setTimeout(r, 1000));
  if (Date.now() - lastReport >= 60_000) {
    lastReport = Date.now();
    const c = consumer.status();
    const s = sender.status();
    log(`consumer connected=${c.connected} reconnects=${c.reconnectCount}; sender connected=${s.connected} reconnects=${s.reconnectCount}`);
  }
}

const c = consumer.status();
const s = sender.status();
await consumer.stop();
await sender.stop();
await broker?.stop();
if (workDir) rmSync(workDir, { recursive: true, force: true });
const ok = c.reconnectCount === 0 && s.reconnectCount === 0 && c.connectedAt !== null && s.connectedAt !== null;
log(
  `${ok ? "PASS" : "FAIL"}: consumer reconnects ${c.reconnectCount} (connected since ${c.connectedAt?.toISOString()}), ` +
    `sender reconnects ${s.reconnectCount} (connected since ${s.connectedAt?.toISOString()})${c.lastError || s.lastError ? `; last errors: ${c.lastError ?? "-"} / ${s.lastError ?? "-"}` : ""}`,
);
process.exit(ok ? 0 : 1);
