// Datashare downloads against a local HTTP server standing in for MOSIP's datashare service and its
// OAuth2 token endpoint: bodies stored exactly as received, MOSIP error envelopes and HTTP failures
// turned into a visible code, retries with backoff, token refresh on 401, timeouts, admin retry.
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createTestDatabase } from "./helpers/test-database";
import { adjudicationRequest, allowedOrigins, intakeOptions, rid, waitFor } from "./helpers/bridge-helpers";
import { receiveRequest } from "@/lib/intake/receive-request";
import { startDownloadWorker, type DownloadWorker } from "@/lib/datashare/run-download-worker";
import { createTokenSource } from "@/lib/datashare/token-source";
import { retryCaseDownloads } from "@/lib/cases/retry-case-downloads";
import { claimDownloads } from "@/lib/datashare/claim-downloads";
import { recordDownloadResult } from "@/lib/datashare/record-download-result";
import { renewLease } from "@/lib/datashare/keep-download-lease";
import { DomainError } from "@/lib/errors/domain-error";
import { openAtRest } from "@/lib/crypto/seal-at-rest";
import type { Database } from "@/lib/db/open-database";

type Route = (req: http.IncomingMessage, res: http.ServerResponse, hit: number) => void;

let db: Database;
let drop: () => Promise<void>;
let server: http.Server;
let base: string;
const routes = new Map<string, Route>();
const hits = new Map<string, number>();
const authHeaders = new Map<string, string[]>();
let tokensIssued = 0;

// A 3 s share validity (0.3 s margin): retries of a failing share stop after about 2.7 s.
const dataKey = randomBytes(32);
// 1 s: long enough that a loaded machine does not turn a served share into a timeout and a second attempt.
const policy = { timeoutMs: 1000, validityMs: 3_000, retryBaseMs: 40, retryMaxMs: 150, plaintext: "seal" as const, dataKey: () => dataKey };
let worker: DownloadWorker;

function envelope(code: string, message: string): string {
  return JSON.stringify({
    id: "mosip.data.share",
    version: "1.0",
    responsetime: new Date().toISOString(),
    dataShare: null,
    errors: [{ errorCode: code, message }],
  });
}

before(async () => {
  ({ db, drop } = await createTestDatabase("bridge_ds"));
  server = http.createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path === "/token") {
      tokensIssued++;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ access_token: `token-${tokensIssued}`, expires_in: 3600, token_type: "Bearer" }));
      return;
    }
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    authHeaders.set(path, [...(authHeaders.get(path) ?? []), req.headers.authorization ?? ""]);
    const route = routes.get(path);
    if (!route) {
      res.statusCode = 404;
      res.end();
      return;
    }
    route(req, res, n);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await worker?.stop();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await drop();
});

beforeEach(async () => {
  await worker?.stop();
  worker = startDownloadWorker(db.prisma, { ...policy, pollMs: 30, allowedOrigins: allowedOrigins(base) });
});

async function intake(paths: { applicant: string | null; gallery?: (string | null)[] }) {
  const req = adjudicationRequest({
    referenceURL: paths.applicant === null ? null : base + paths.applicant,
    gallery: (paths.gallery ?? []).map((p) => ({ referenceId: rid(), referenceURL: p === null ? null : base + p })),
  });
  const r = await receiveRequest(
    db.prisma,
    { destination: "mosip-to-adjudication", headers: {}, body: new TextEncoder().encode(JSON.stringify(req)) },
    intakeOptions([base]),
  );
  assert.equal(r.outcome, "created");
  worker.kick();
  return (r as { caseId: string }).caseId;
}

async function settled(caseId: string) {
  return waitFor(`case ${caseId} to leave FETCHING`, async () => {
    const c = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { downloads: true, candidates: true } });
    return c.state !== "FETCHING" ? c : null;
  });
}

test("every share is stored exactly as received (encrypted text stays as it is) and the case becomes READY", async () => {
  const encrypted = `${randomBytes(3000).toString("base64url")}#KEY_SPLITTER#${randomBytes(500).toString("base64url")}`;
  const plain = JSON.stringify({ biometrics: null, identity: { fullName: [{ language: "eng", value: "x" }] } });
  routes.set("/ok/applicant", (_q, res) => res.end(encrypted));
  routes.set("/ok/g0", (_q, res) => res.end(plain));
  const caseId = await intake({ applicant: "/ok/applicant", gallery: ["/ok/g0", null] });
  const c = await settled(caseId);
  assert.equal(c.state, "READY");
  assert.equal(c.dataErrorCode, null);
  assert.equal(c.applicantDataStatus, "AVAILABLE");
  assert.deepEqual(
    c.candidates.sort((a, b) => a.position - b.position).map((x) => x.dataStatus),
    ["AVAILABLE", "UNAVAILABLE"],
  );
  const applicant = c.downloads.find((d) => d.candidateId === null)!;
  assert.equal(applicant.state, "STORED");
  assert.equal(Buffer.from(applicant.body!).toString("utf8"), encrypted);
  assert.equal(applicant.bodySha256, createHash("sha256").update(encrypted).digest("hex"));
  assert.equal(applicant.attempts, 1);
  assert.equal(applicant.bodyStorage, "RECEIVED");
  assert.equal(applicant.url, null, "the URL, a capability to the share, is cleared once the body is stored");
  // The plain share is sealed at rest with the local key, bound to its row; its digest is of what was received.
  const g0 = c.downloads.find((d) => d.candidateId !== null && d.state === "STORED")!;
  assert.equal(g0.bodyStorage, "LOCAL_KEY");
  assert.equal(Buffer.from(g0.body!).includes(Buffer.from('"fullName"')), false);
  assert.equal(openAtRest(g0.body!, dataKey, g0.id).toString("utf8"), plain);
  assert.equal(g0.bodySha256, createHash("sha256").update(plain).digest("hex"));
  assert.ok(await db.prisma.auditEvent.findFirst({ where: { action: "case.data_ready", targetId: caseId } }));
});

test("where plain datashares are refused (production default), one is a permanent failure with its reason, nothing stored", async () => {
  await worker.stop();
  worker = startDownloadWorker(db.prisma, { ...policy, plaintext: "refuse", pollMs: 30, allowedOrigins: allowedOrigins(base) });
  routes.set("/plain/applicant", (_q, res) => res.end(JSON.stringify({ biometrics: null, identity: { fullName: "x" } })));
  const caseId = await intake({ applicant: "/plain/applicant" });
  const c = await settled(caseId);
  assert.equal(c.state, "DATA_UNAVAILABLE");
  assert.equal(c.dataErrorCode, "PLAINTEXT_REFUSED");
  const d = c.downloads[0];
  assert.equal(d.state, "FAILED");
  assert.equal(d.attempts, 1, "not retried: the share will not become encrypted");
  assert.equal(d.body, null);
  assert.match(d.lastError ?? "", /MAS_ALLOW_PLAINTEXT_DATASHARE=true/);
});

test("DAT-SER-006 (share expired or used up) fails at once: DATA_UNAVAILABLE showing the code", async () => {
  routes.set("/expired", (_q, res) => res.end(envelope("DAT-SER-006", "Data share not found or usage exhausted")));
  routes.set("/fine", (_q, res) => res.end("ok"));
  const caseId = await intake({ applicant: "/fine", gallery: ["/expired"] });
  const c = await settled(caseId);
  assert.equal(c.state, "DATA_UNAVAILABLE");
  assert.equal(c.dataErrorCode, "DAT-SER-006");
  const failed = c.downloads.find((d) => d.state === "FAILED")!;
  assert.equal(failed.attempts, 1, "a permanent error is not retried");
  assert.equal(failed.lastErrorCode, "DAT-SER-006");
  assert.equal(c.candidates[0].dataStatus, "FAILED");
  const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "case.data_unavailable", targetId: caseId } });
  assert.deepEqual(audit.details, { code: "DAT-SER-006" });
});

test("DAT-SER-003 (file missing) is permanent too, and the applicant's failure names the case's code", async () => {
  routes.set("/missing", (_q, res) => res.end(envelope("DAT-SER-003", "File does not exists or File is empty")));
  const caseId = await intake({ applicant: "/missing" });
  const c = await settled(caseId);
  assert.equal(c.state, "DATA_UNAVAILABLE");
  assert.equal(c.dataErrorCode, "DAT-SER-003");
  assert.equal(c.downloads[0].attempts, 1, "a permanent error is not retried");
});

test("HTTP 503 is retried with backoff, then succeeds", async () => {
  routes.set("/flaky", (_q, res, n) => {
    if (n === 1) {
      res.statusCode = 503;
      res.end("busy");
    } else res.end("payload");
  });
  const caseId = await intake({ applicant: "/flaky" });
  const c = await settled(caseId);
  assert.equal(c.state, "READY");
  assert.equal(c.downloads[0].attempts, 2);
  assert.equal(Buffer.from(c.downloads[0].body!).toString(), "payload");
});

test("a timeout is retried until the share's validity is nearly spent, then the case shows TIMEOUT; an admin retry fetches again", async () => {
  // A short timeout, well below the slow answer's second, so that every attempt times out whatever the load.
  const timeoutMs = 300;
  await worker.stop();
  worker = startDownloadWorker(db.prisma, { ...policy, timeoutMs, pollMs: 30, allowedOrigins: allowedOrigins(base) });
  let slow = true;
  routes.set("/slow", (_q, res) => {
    if (slow) setTimeout(() => res.end("late"), 1000);
    else res.end("in time");
  });
  const caseId = await intake({ applicant: "/slow" });
  const c = await settled(caseId);
  assert.equal(c.state, "DATA_UNAVAILABLE");
  assert.equal(c.dataErrorCode, "TIMEOUT");
  const d = c.downloads[0];
  assert.ok(d.attempts >= 3, `retried within the validity (${d.attempts} attempts)`);
  // The last attempt started before the deadline (validity minus margin) and ended after at most one timeout.
  const tried = d.updatedAt.getTime() - d.createdAt.getTime();
  assert.ok(tried >= 2_000 && tried < 2_700 + 2 * timeoutMs + 1_500, `gave up ${tried} ms after receipt`);

  slow = false;
  const admin = { id: "00000000-0000-4000-8000-000000000001", username: "admin" };
  assert.equal(await retryCaseDownloads(db.prisma, caseId, admin), 1);
  worker.kick();
  const again = await settled(caseId);
  assert.equal(again.state, "READY");
  assert.equal(again.dataErrorCode, null);
  const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "case.downloads_retried", targetId: caseId } });
  assert.equal(audit.actorUsername, "admin");
  await assert.rejects(retryCaseDownloads(db.prisma, caseId, admin), (e: unknown) => e instanceof DomainError && e.code === "conflict");
});

test("KER-ATH-401 with a bearer token: the token is refreshed once and the download succeeds", async () => {
  await worker.stop();
  const token = createTokenSource({ tokenUrl: `${base}/token`, clientId: "mas", clientSecret: "secret" }, { timeoutMs: 1000 });
  worker = startDownloadWorker(db.prisma, { ...policy, pollMs: 30, token, concurrency: 1, allowedOrigins: allowedOrigins(base) });
  const before = tokensIssued;
  // The datashare only accepts the second token it sees: the first one was "revoked".
  routes.set("/auth", (req, res) => {
    if (req.headers.authorization === `Bearer token-${before + 1}`) res.end(envelope("KER-ATH-401", "Authentication Failed"));
    else if (req.headers.authorization === `Bearer token-${before + 2}`) res.end("secret data");
    else {
      res.statusCode = 401;
      res.end();
    }
  });
  const caseId = await intake({ applicant: "/auth" });
  const c = await settled(caseId);
  assert.equal(c.state, "READY");
  assert.equal(c.downloads[0].attempts, 1, "the refresh happens inside one attempt");
  assert.equal(tokensIssued - before, 2);
  assert.deepEqual(authHeaders.get("/auth"), [`Bearer token-${before + 1}`, `Bearer token-${before + 2}`]);
});

test("KER-ATH-403 and HTTP 404 are permanent", async () => {
  routes.set("/forbidden", (_q, res) => res.end(envelope("KER-ATH-403", "Forbidden")));
  const a = await settled(await intake({ applicant: "/forbidden" }));
  assert.equal(a.dataErrorCode, "KER-ATH-403");
  assert.equal(a.downloads[0].attempts, 1);
  const b = await settled(await intake({ applicant: "/nothing-here" }));
  assert.equal(b.dataErrorCode, "HTTP_404");
  assert.equal(b.downloads[0].attempts, 1);
});

test("a share already stored is never read again: an admin retry fetches only the failed one", async () => {
  routes.set("/stored-once", (_q, res) => res.end("applicant share"));
  routes.set("/gone", (_q, res) => res.end(envelope("DAT-SER-006", "Data share not found or usage exhausted")));
  const caseId = await intake({ applicant: "/stored-once", gallery: ["/gone"] });
  assert.equal((await settled(caseId)).state, "DATA_UNAVAILABLE");
  assert.equal(hits.get("/stored-once"), 1);

  routes.set("/gone", (_q, res) => res.end("candidate share"));
  const admin = { id: "00000000-0000-4000-8000-000000000001", username: "admin" };
  assert.equal(await retryCaseDownloads(db.prisma, caseId, admin), 1, "only the FAILED download is queued again");
  worker.kick();
  assert.equal((await settled(caseId)).state, "READY");
  assert.equal(hits.get("/stored-once"), 1, "the stored share was not read a second time");
  assert.equal(hits.get("/gone"), 2);
});

test("a lease lost to a reclaim: the late body is kept, the newer claim's renewal fails, its failure is stale", async () => {
  await worker.stop(); // claims by hand here
  routes.set("/late", (_q, res) => res.end("late"));
  const caseId = await intake({ applicant: "/late" });
  const [first] = await claimDownloads(db.prisma, 1, 50);
  assert.equal(first.caseId, caseId);
  assert.ok(first.firstSeenAt instanceof Date);
  await new Promise((r) => setTimeout(r, 120));
  // The first worker looked dead (no renewal within 50 ms): another one reclaims, counting an attempt.
  const [second] = await claimDownloads(db.prisma, 1, 60_000);
  assert.equal(second.id, first.id);
  assert.equal(second.attempts, first.attempts + 1);
  assert.equal(await renewLease(db.prisma, first, 60_000), false, "the first worker learns the row is no longer its");

  // The first worker's GET had finished after all: its body is stored rather than read again.
  assert.equal(await recordDownloadResult(db.prisma, first, { ok: true, body: Buffer.from("late") }, policy), "STORED");
  assert.equal(await renewLease(db.prisma, second, 60_000), false, "the second worker's renewal aborts its GET");
  const failure = { ok: false as const, code: "HTTP_503", message: "datashare answered HTTP 503", permanent: false };
  assert.equal(await recordDownloadResult(db.prisma, second, failure, policy), "STALE");
  const c = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { downloads: true } });
  assert.equal(c.state, "READY");
  assert.equal(Buffer.from(c.downloads[0].body!).toString(), "late");
});
