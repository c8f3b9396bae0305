// The datashare allow-list and body cap, end to end: requests published on a real ActiveMQ, the bridge with its
// download worker and token source, MOSIP's datashare service played by an allowed local HTTP server, and a
// "foreign" server on another origin that counts every request it gets. A request or a redirect naming the foreign
// origin must never reach it, never carry the token there, and never become (or supersede) a case.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startActiveMq, type ActiveMqBroker } from "../../scripts/lib/activemq.mjs";
import { createTestDatabase } from "./helpers/test-database";
import { adjudicationRequest, publishStomp, queueEnv, rid, verificationRequest, waitFor } from "./helpers/bridge-helpers";
import type { MosipEnv } from "@/lib/env/env-schema";
import { startMosipBridge, type MosipBridge } from "@/lib/bridge/start-mosip-bridge";
import { listDatashareFailures, listIntakeErrors } from "@/lib/integration/list-integration";
import type { Database } from "@/lib/db/open-database";

const CAP = 1024 * 1024;

let broker: ActiveMqBroker;
let workDir: string;
let db: Database;
let drop: () => Promise<void>;
let env: MosipEnv;
let bridge: MosipBridge;
let allowed: http.Server;
let foreign: http.Server;
let allowedBase: string;
let foreignBase: string;
/** Every request the foreign origin received, with its Authorization header. */
const foreignHits: { path: string; authorization: string | undefined }[] = [];
const allowedAuth = new Map<string, string | undefined>();
/** Bytes the allowed server wrote for /huge before the MAS stopped reading. */
let hugeWritten = 0;

function listen(server: http.Server): Promise<string> {
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

before(async () => {
  workDir = mkdtempSync(join(tmpdir(), "mas-origins-"));
  foreign = http.createServer((req, res) => {
    foreignHits.push({ path: req.url ?? "", authorization: req.headers.authorization });
    res.end("personal data would have gone here");
  });
  allowed = http.createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    allowedAuth.set(path, req.headers.authorization);
    if (path === "/token") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ access_token: "the-mas-token", expires_in: 3600 }));
    } else if (path.startsWith("/ok/")) {
      res.end(`share ${path}`);
    } else if (path === "/redirect-home") {
      res.writeHead(302, { location: "/ok/after-redirect" }).end();
    } else if (path === "/redirect-away") {
      res.writeHead(302, { location: `${foreignBase}/stolen` }).end();
    } else if (path === "/huge") {
      // Streams without end and without Content-Length: only a reader that counts while streaming stops it.
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      const pump = () => {
        while (!res.destroyed) {
          hugeWritten += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
      };
      res.on("error", () => {});
      pump();
    } else if (path === "/declared-huge") {
      res.writeHead(200, { "content-length": String(CAP * 4) });
      res.write("x");
      res.on("error", () => {});
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  [allowedBase, foreignBase] = await Promise.all([listen(allowed), listen(foreign)]);
  [broker, { db, drop }] = await Promise.all([startActiveMq(workDir), createTestDatabase("ds_origins")]);
  env = queueEnv(
    {
      MOSIP_QUEUE_URL: broker.stompUrl,
      MOSIP_AUTH_TOKEN_URL: `${allowedBase}/token`,
      MOSIP_AUTH_CLIENT_ID: "mas",
      MOSIP_AUTH_CLIENT_SECRET: "secret",
      MOSIP_DATASHARE_MAX_BYTES: String(CAP),
      MOSIP_DATASHARE_TIMEOUT_MS: "20000",
    },
    [allowedBase],
  );
  bridge = startMosipBridge(db.prisma, env, {
    reconnect: { baseMs: 100, maxMs: 500 },
    heartbeatMs: 2000,
    downloadPollMs: 100,
    log: () => {},
  });
  await waitFor("bridge connected", async () => bridge.status().connected);
});

after(async () => {
  await bridge?.stop();
  await broker?.stop();
  await drop?.();
  for (const s of [allowed, foreign]) {
    s?.closeAllConnections();
    await new Promise((r) => (s ? s.close(r) : r(null)));
  }
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function publish(queue: string, body: Record<string, unknown>) {
  await publishStomp(broker.stompPort, queue, [{ body: JSON.stringify(body) }]);
}

async function settledCase(requestId: string) {
  return waitFor(
    `case ${requestId} settled`,
    async () => {
      const c = await db.prisma.case.findUnique({ where: { requestId }, include: { downloads: true } });
      return c && c.state !== "FETCHING" ? c : null;
    },
    undefined,
    async () => {
      const c = await db.prisma.case.findUnique({ where: { requestId }, include: { downloads: { select: { state: true } } } });
      return c ? `case ${c.state}, downloads ${c.downloads.map((d) => d.state).join(", ")}` : "no case";
    },
  );
}

test("a request naming a foreign datashare origin is kept as an intake error: no case, no supersession, no request there", async () => {
  const referenceId = rid();
  const first = adjudicationRequest({ referenceId, referenceURL: `${allowedBase}/ok/first`, gallery: [] });
  await publish(env.queues.adjudicationRequest, first);
  const existing = await settledCase(first.requestId as string);
  assert.equal(existing.state, "READY");

  // Same RID, a newer request: it would supersede the case above, but one gallery candidate is foreign.
  const hostile = adjudicationRequest({
    referenceId,
    referenceURL: `${allowedBase}/ok/applicant`,
    gallery: [
      { referenceId: rid(), referenceURL: `${allowedBase}/ok/g0` },
      { referenceId: rid(), referenceURL: `${foreignBase}/v1/datashare/get/p/s/SECRETKEY` },
    ],
  });
  const hostileVerification = verificationRequest({ referenceURL: `${foreignBase}/v1/datashare/get/p/s/V` });
  await publish(env.queues.adjudicationRequest, hostile);
  await publish(env.queues.verificationRequest, hostileVerification);

  for (const r of [hostile, hostileVerification]) {
    const row = await waitFor(`intake row of ${r.requestId}`, () =>
      db.prisma.inboxMessage.findFirst({ where: { requestId: r.requestId as string } }),
    );
    assert.equal(row.outcome, "REJECTED");
    assert.equal(row.errorCode, "ORIGIN_NOT_ALLOWED");
    assert.match(row.errorReason ?? "", new RegExp(`datashare origin ${foreignBase}.* is not in MOSIP_DATASHARE_ALLOWED_ORIGINS`));
    assert.ok(!(row.errorReason ?? "").includes("SECRETKEY") && !(row.errorReason ?? "").includes("/v1/"), "origin only, no path");
    assert.equal(await db.prisma.case.count({ where: { requestId: r.requestId as string } }), 0, "no case");
  }
  assert.match(
    (await db.prisma.inboxMessage.findFirstOrThrow({ where: { requestId: hostile.requestId as string } })).errorReason ?? "",
    /^gallery\.referenceIds\[1\]\.referenceURL\[0\]: /,
  );
  const still = await db.prisma.case.findUniqueOrThrow({ where: { id: existing.id } });
  assert.equal(still.state, "READY", "the existing case is not superseded");
  assert.equal(still.supersededById, null);
  // The admins' intake-error list shows the reason; the body's URLs stay masked there.
  const { errors } = await listIntakeErrors(db.prisma, { limit: 50 });
  const shown = errors.find((e) => e.requestId === hostile.requestId)!;
  assert.equal(shown.errorCode, "ORIGIN_NOT_ALLOWED");
  assert.ok(!shown.body?.includes("SECRETKEY"));
  assert.deepEqual(foreignHits, [], "the foreign origin received no request at all");
});

test("a redirect to a foreign origin is refused before any request goes there; a redirect within the allowed origin is followed", async () => {
  const away = adjudicationRequest({ referenceURL: `${allowedBase}/redirect-away`, gallery: [] });
  const home = adjudicationRequest({ referenceURL: `${allowedBase}/redirect-home`, gallery: [] });
  await publish(env.queues.adjudicationRequest, away);
  await publish(env.queues.adjudicationRequest, home);

  const refused = await settledCase(away.requestId as string);
  assert.equal(refused.state, "DATA_UNAVAILABLE");
  assert.equal(refused.downloads[0].state, "FAILED");
  assert.equal(refused.downloads[0].lastErrorCode, "ORIGIN_NOT_ALLOWED");
  assert.equal(refused.downloads[0].attempts, 1, "refused for good, not retried");
  assert.deepEqual(foreignHits, [], "no request (and so no token) reached the foreign origin");

  const followed = await settledCase(home.requestId as string);
  assert.equal(followed.state, "READY");
  assert.equal(Buffer.from(followed.downloads[0].body!).toString(), "share /ok/after-redirect");
  assert.equal(allowedAuth.get("/ok/after-redirect"), "Bearer the-mas-token", "the allowed origin still gets the token");

  // Admins read why; the reason names the foreign origin only.
  const failure = (await listDatashareFailures(db.prisma)).find((c) => c.requestId === away.requestId)!;
  assert.match(
    failure.failures[0].reason ?? "",
    new RegExp(`redirected to ${foreignBase}, which is not in MOSIP_DATASHARE_ALLOWED_ORIGINS`),
  );
});

test("a body over MOSIP_DATASHARE_MAX_BYTES fails while streaming, and a larger Content-Length is refused up front", async () => {
  const huge = adjudicationRequest({ referenceURL: `${allowedBase}/huge`, gallery: [] });
  const declared = adjudicationRequest({ referenceURL: `${allowedBase}/declared-huge`, gallery: [] });
  await publish(env.queues.adjudicationRequest, huge);
  await publish(env.queues.adjudicationRequest, declared);
  for (const r of [huge, declared]) {
    const c = await settledCase(r.requestId as string);
    assert.equal(c.state, "DATA_UNAVAILABLE");
    // Not TIMEOUT: a reader that buffered the endless body first would still be reading when the timeout hit.
    assert.equal(c.downloads[0].lastErrorCode, "TOO_LARGE");
    assert.equal(c.downloads[0].body, null);
  }
  // Socket buffers hold a few MiB at most; buffering the whole body would have taken all 20 s of the timeout.
  assert.ok(hugeWritten < CAP + 16 * 1024 * 1024, `the server wrote ${hugeWritten} bytes before the MAS stopped reading`);
});
