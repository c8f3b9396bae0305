// A two-minute datashare outage (HTTP 503, then connection refused, then HTTP 500, then healthy again),
// in real time, with the production retry schedule (30-minute validity, 2 s base backoff; only the backoff
// cap is lowered, to 8 s, so the test need not wait up to a minute after the recovery). The old fixed
// budget (5 attempts, about 30 s) turned every one of these cases DATA_UNAVAILABLE; now every case ends
// READY, each share is read exactly once, and MOSIP's permanent codes still stop at once.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createTestDatabase } from "./helpers/test-database";
import { adjudicationRequest, intakeOptions, rid, waitFor } from "./helpers/bridge-helpers";
import { receiveRequest } from "@/lib/intake/receive-request";
import { startDownloadWorker, type DownloadWorker } from "@/lib/datashare/run-download-worker";
import { parseEnv } from "@/lib/env/env-schema";
import { listDatashareFailures } from "@/lib/integration/list-integration";
import { listCases } from "@/lib/cases/list-cases";
import type { SessionUser } from "@/lib/auth/load-user";
import type { Database } from "@/lib/db/open-database";

const OUTAGE_MS = 120_000;
let db: Database;
let drop: () => Promise<void>;
let server: http.Server;
let port: number;
let worker: DownloadWorker | undefined;
let outageStart = 0;
/** Per path: requests seen, answers with the share, requests after the share was served. */
const reads = new Map<string, { requests: number; served: number; afterServed: number; statuses: number[] }>();

function phase(): "503" | "refused" | "500" | "up" {
  const t = Date.now() - outageStart;
  if (t < 40_000) return "503";
  if (t < 80_000) return "refused";
  if (t < OUTAGE_MS) return "500";
  return "up";
}

function envelope(code: string): string {
  return JSON.stringify({
    id: "mosip.data.share",
    version: "1.0",
    dataShare: null,
    errors: [{ errorCode: code, message: "usage exhausted" }],
  });
}

before(async () => {
  ({ db, drop } = await createTestDatabase("ds_outage"));
  server = http.createServer((req, res) => {
    const path = req.url ?? "";
    const r = reads.get(path) ?? { requests: 0, served: 0, afterServed: 0, statuses: [] };
    reads.set(path, r);
    r.requests++;
    if (r.served > 0) r.afterServed++;
    if (path.endsWith("/gone")) {
      r.statuses.push(200);
      res.end(envelope("DAT-SER-006"));
      return;
    }
    const p = phase();
    if (p === "up") {
      r.served++;
      r.statuses.push(200);
      res.end(`share ${path}`);
      return;
    }
    // A refused phase that still sees a request: a connection accepted just before the close.
    res.statusCode = p === "500" ? 500 : 503;
    r.statuses.push(res.statusCode);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});

after(async () => {
  await worker?.stop();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await drop();
});

async function intake(applicant: string, gallery: string[]): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const req = adjudicationRequest({
    referenceURL: base + applicant,
    gallery: gallery.map((g) => ({ referenceId: rid(), referenceURL: base + g })),
  });
  const r = await receiveRequest(
    db.prisma,
    { destination: "mosip-to-adjudication", headers: {}, body: new TextEncoder().encode(JSON.stringify(req)) },
    intakeOptions([base]),
  );
  assert.equal(r.outcome, "created");
  return (r as { caseId: string }).caseId;
}

const supervisor: SessionUser = {
  id: "00000000-0000-4000-8000-000000000009",
  username: "sup",
  displayName: null,
  roles: ["SUPERVISOR"],
  permissions: ["cases.viewAll"],
  canPrimary: false,
  canSecondary: false,
  mustChangePassword: false,
  authSource: "LOCAL",
  uiLanguage: null,
};

const states = async (ids: string[]) =>
  (await db.prisma.case.findMany({ where: { id: { in: ids } }, select: { state: true } })).map((c) => c.state);

test("a 2-minute datashare outage: every case ends READY, no share is read after it was stored, DAT-SER-006 stops at once", async () => {
  const env = parseEnv({ MOSIP_DATASHARE_RETRY_MAX_MS: "8000", MOSIP_DATASHARE_ALLOWED_ORIGINS: `http://127.0.0.1:${port}` }).mosip
    .datashare;
  assert.equal(env.validityMs, 1_800_000);
  assert.equal(env.maxAttempts, undefined);
  outageStart = Date.now();
  worker = startDownloadWorker(db.prisma, { ...env, pollMs: 500 });
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) ids.push(await intake(`/c${i}/applicant`, [`/c${i}/g0`, `/c${i}/g1`]));
  const gone = await intake("/c9/applicant", ["/c9/gone"]);
  worker.kick();

  // (c) A permanent MOSIP code is not retried, even while other downloads of the same datashare are.
  await waitFor("the DAT-SER-006 case to give up", async () => (await states([gone]))[0] === "DATA_UNAVAILABLE");
  const goneDownload = await db.prisma.datashareDownload.findFirstOrThrow({ where: { caseId: gone, candidateId: { not: null } } });
  assert.equal(goneDownload.attempts, 1);
  assert.equal(goneDownload.lastErrorCode, "DAT-SER-006");

  // Take the datashare off the network for the middle third of the outage.
  await waitFor("the refused phase", async () => phase() === "refused");
  server.close();
  server.closeAllConnections();
  await waitFor("the 500 phase", async () => phase() === "500");
  const codes = await db.prisma.datashareDownload.findMany({ where: { caseId: { in: ids } }, select: { lastErrorCode: true } });
  assert.ok(
    codes.some((d) => d.lastErrorCode === "NETWORK_ECONNREFUSED"),
    `connection refused was seen: ${codes.map((d) => d.lastErrorCode)}`,
  );
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));

  // Late in the outage: far past the old budget, still FETCHING, and visible as such.
  await waitFor("attempts past the old budget of 5", async () => {
    const d = await db.prisma.datashareDownload.findMany({ where: { caseId: { in: ids } }, select: { attempts: true } });
    return d.every((x) => x.attempts > 6);
  });
  assert.ok(phase() !== "up", "the old budget is passed while the outage lasts");
  assert.deepEqual(await states(ids), ["FETCHING", "FETCHING", "FETCHING", "FETCHING"]);
  const failures = await listDatashareFailures(db.prisma);
  const retrying = failures.filter((f) => ids.includes(f.caseId));
  assert.equal(retrying.length, 4);
  for (const f of retrying) {
    assert.equal(f.state, "FETCHING");
    assert.ok(f.retrying && f.retrying.attempts > 6, JSON.stringify(f.retrying));
    assert.ok(Date.parse(f.retrying.since) <= Date.now() - 60_000, "since the request came in");
    assert.match(f.retrying.code ?? "", /^(HTTP_50[03]|NETWORK_\w+)$/);
    assert.ok(f.failures.every((x) => x.retrying));
  }
  assert.equal(failures.find((f) => f.caseId === gone)?.state, "DATA_UNAVAILABLE");
  const listed = await listCases(db.prisma, supervisor, { scope: "all", limit: 100 });
  assert.deepEqual(listed.filter((c) => ids.includes(c.id) && c.dataRetry && c.dataRetry.attempts > 6).length, 4);
  // Codes and times only: no datashare URL or internal host reaches either read model.
  assert.ok(!JSON.stringify([failures, listed]).includes("127.0.0.1"));

  await waitFor("the end of the outage", async () => phase() === "up", OUTAGE_MS);
  const recovered = Date.now();
  await waitFor("every case READY", async () => (await states(ids)).every((s) => s === "READY"));
  console.log(`[datashare-outage] all READY ${Date.now() - recovered} ms after the datashare recovered`);
  const downloads = await db.prisma.datashareDownload.findMany({ where: { caseId: { in: ids } } });
  assert.equal(downloads.length, 12);
  for (const d of downloads) {
    // The URL is cleared once the body is stored; the served body names its path.
    assert.equal(d.url, null);
    const path = Buffer.from(d.body!)
      .toString()
      .replace(/^share /, "");
    const r = reads.get(path)!;
    assert.equal(d.state, "STORED");
    assert.ok(r, `${path} was served`);
    assert.equal(r.served, 1, `${path} served once`);
    assert.equal(r.afterServed, 0, `${path} not read after it was stored`);
  }
  console.log(
    `[datashare-outage] attempts per download: ${downloads
      .map((d) => d.attempts)
      .sort((a, b) => a - b)
      .join(" ")}`,
  );
});
