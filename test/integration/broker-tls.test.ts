// STOMP over TLS (stomp+ssl://) against ActiveMQ's own ssl transport, with a CA and a broker certificate made
// here with openssl and a PKCS12 key store for the broker. With the right CA the bridge consumes and the response
// sender sends over TLS; with another CA the connection is refused, reported as a connection error, never a crash.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startActiveMq, type ActiveMqBroker } from "../../scripts/lib/activemq.mjs";
import { createTestDatabase } from "./helpers/test-database";
import { adjudicationRequest, countQueue, publishStomp, queueEnv, waitFor } from "./helpers/bridge-helpers";
import { parseQueueUrls } from "@/lib/broker/parse-queue-urls";
import { startMosipBridge } from "@/lib/bridge/start-mosip-bridge";
import { connectResponseSender } from "@/lib/outbox/connect-response-sender";
import type { Database } from "@/lib/db/open-database";

let broker: ActiveMqBroker;
let workDir: string;
let db: Database;
let drop: () => Promise<void>;
let rightCa: string;
let wrongCa: string;
const fast = { reconnect: { baseMs: 100, maxMs: 500 }, heartbeatMs: 2000, downloadPollMs: 100 };

function openssl(...args: string[]) {
  execFileSync("openssl", args, { cwd: workDir, stdio: "pipe" });
}

/** A CA, and with `server` a broker key and certificate for 127.0.0.1 signed by it. */
function makeCa(name: string) {
  openssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    `/CN=${name}`,
    "-keyout",
    `${name}.key`,
    "-out",
    `${name}.pem`,
  );
  return join(workDir, `${name}.pem`);
}

before(async () => {
  workDir = mkdtempSync(join(tmpdir(), "mas-tls-"));
  rightCa = makeCa("test-ca");
  wrongCa = makeCa("other-ca");
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "broker.key", "-out", "broker.csr");
  // The name the MAS checks: the URL's host, here the loopback address.
  writeFileSync(join(workDir, "broker.ext"), "subjectAltName=IP:127.0.0.1\n");
  openssl(
    "x509",
    "-req",
    "-in",
    "broker.csr",
    "-CA",
    "test-ca.pem",
    "-CAkey",
    "test-ca.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    "broker.ext",
    "-out",
    "broker.pem",
  );
  // The key store ActiveMQ reads: the broker's key with its chain, PKCS12.
  openssl(
    "pkcs12",
    "-export",
    "-in",
    "broker.pem",
    "-inkey",
    "broker.key",
    "-certfile",
    "test-ca.pem",
    "-out",
    "broker.p12",
    "-passout",
    "pass:changeit",
  );
  // The MAS's client certificate, signed by the same CA, and the trust store (Java's keytool) the broker checks it with.
  openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=mas", "-keyout", "client.key", "-out", "client.csr");
  openssl(
    "x509",
    "-req",
    "-in",
    "client.csr",
    "-CA",
    "test-ca.pem",
    "-CAkey",
    "test-ca.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-out",
    "client.pem",
  );
  execFileSync(
    "keytool",
    [
      "-importcert",
      "-noprompt",
      "-alias",
      "ca",
      "-file",
      rightCa,
      "-keystore",
      "trust.p12",
      "-storetype",
      "PKCS12",
      "-storepass",
      "changeit",
    ],
    {
      cwd: workDir,
      stdio: "pipe",
    },
  );
  const ssl = { keyStore: join(workDir, "broker.p12"), keyStorePassword: "changeit", trustStore: join(workDir, "trust.p12") };
  [broker, { db, drop }] = await Promise.all([startActiveMq(join(workDir, "amq"), { ssl }), createTestDatabase("broker_tls")]);
});

after(async () => {
  await broker?.stop();
  await drop?.();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test("with the right CA, requests come in and answers go out over TLS", async () => {
  const env = queueEnv({ MOSIP_QUEUE_URL: broker.stompSslUrl!, MOSIP_QUEUE_TLS_CA_FILE: rightCa });
  const bridge = startMosipBridge(db.prisma, env, { ...fast, log: () => {} });
  const sender = connectResponseSender({
    endpoints: parseQueueUrls(env.queueUrl!, env.queueTls),
    heartbeatMs: 2000,
    reconnect: fast.reconnect,
  });
  try {
    await waitFor("bridge connected over TLS", async () => bridge.status().connected);
    assert.match(bridge.status().url ?? "", /^stomp\+ssl:\/\/127\.0\.0\.1:\d+$/);
    // MOSIP's side publishes on the plain port; the MAS consumes over TLS.
    const request = adjudicationRequest({});
    await publishStomp(broker.stompPort, env.queues.adjudicationRequest, [{ body: JSON.stringify(request) }]);
    await waitFor("case from a request received over TLS", () =>
      db.prisma.case.findUnique({ where: { requestId: request.requestId as string } }),
    );
    await waitFor("sender connected over TLS", async () => sender.status().connected);
    await sender.send({ destination: "tls-answers", format: "TEXT", body: '{"requestId":"r"}', requestId: "r" });
    assert.equal(await countQueue(broker.stompPort, "tls-answers"), 1);
  } finally {
    await sender.stop();
    await bridge.stop();
  }
});

test("with another CA the connection is refused and reported as a connection error; nothing crashes", async () => {
  const env = queueEnv({ MOSIP_QUEUE_URL: broker.stompSslUrl!, MOSIP_QUEUE_TLS_CA_FILE: wrongCa });
  const request = adjudicationRequest({});
  await publishStomp(broker.stompPort, env.queues.adjudicationRequest, [{ body: JSON.stringify(request) }]);
  const logs: string[] = [];
  const bridge = startMosipBridge(db.prisma, env, { ...fast, log: (l) => logs.push(l) });
  try {
    const reported = await waitFor("the TLS refusal reported", async () => bridge.status().lastError);
    assert.match(
      reported,
      /^stomp\+ssl:\/\/127\.0\.0\.1:\d+: TLS: the broker's certificate is not trusted \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)$/,
    );
    await waitFor("a retry logged", async () => logs.some((l) => l.includes("no broker reachable")));
    // Never connected, so the request waiting on the queue stays there: nothing is consumed unverified.
    assert.equal(bridge.status().connected, false);
    assert.equal(await countQueue(broker.stompPort, env.queues.adjudicationRequest), 1);
    assert.equal(await db.prisma.case.count({ where: { requestId: request.requestId as string } }), 0);
  } finally {
    await bridge.stop();
  }
});

test("a broker that requires a client certificate accepts the configured one and refuses a connection without", async () => {
  const files = { MOSIP_QUEUE_URL: broker.stompSslClientAuthUrl!, MOSIP_QUEUE_TLS_CA_FILE: rightCa };
  const withCert = queueEnv({
    ...files,
    MOSIP_QUEUE_TLS_CERT_FILE: join(workDir, "client.pem"),
    MOSIP_QUEUE_TLS_KEY_FILE: join(workDir, "client.key"),
  });
  const withoutCert = queueEnv(files);
  const accepted = startMosipBridge(db.prisma, withCert, { ...fast, log: () => {} });
  const refused = startMosipBridge(db.prisma, withoutCert, { ...fast, log: () => {} });
  try {
    await waitFor("bridge with a client certificate connected", async () => accepted.status().connected);
    const reported = await waitFor("the refusal without a certificate reported", async () => refused.status().lastError);
    assert.match(reported, /^stomp\+ssl:\/\/127\.0\.0\.1:\d+: TLS: the broker refused the handshake \(/);
    assert.equal(refused.status().connected, false);
  } finally {
    await accepted.stop();
    await refused.stop();
  }
});
