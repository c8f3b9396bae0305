// kill -9 of an instance in the middle of a datashare GET: the dead instance stops renewing its short
// lease, and the surviving instance takes the download over within about one lease (10 s), not the
// 90 s the old fixed lease held it. A live but slow GET, renewed every 2.5 s, is never taken over.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createTestDatabase } from "./helpers/test-database";
import { adjudicationRequest, intakeOptions, waitFor } from "./helpers/bridge-helpers";
import { receiveRequest } from "@/lib/intake/receive-request";
import { DEFAULT_LEASE_MS, startDownloadWorker, type DownloadWorker } from "@/lib/datashare/run-download-worker";
import { parseEnv } from "@/lib/env/env-schema";
import type { Database } from "@/lib/db/open-database";

let db: Database;
let url: string;
let drop: () => Promise<void>;
let server: http.Server;
let base: string;
let child: ChildProcess | undefined;
let survivor: DownloadWorker | undefined;
const gets: { at: number; answered: boolean }[] = [];

before(async () => {
  ({ db, url, drop } = await createTestDatabase("ds_kill"));
  // The first GET hangs (the instance serving it is about to die); later ones get the share.
  server = http.createServer((_req, res) => {
    gets.push({ at: Date.now(), answered: gets.length > 0 });
    if (gets.length > 1) res.end("the share");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  child?.kill("SIGKILL");
  await survivor?.stop();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await drop();
});

function startChild(): Promise<ChildProcess> {
  const p = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/integration/helpers/download-worker-child.ts"], {
    env: { ...process.env, TEST_CHILD_DB_URL: url, MOSIP_DATASHARE_ALLOWED_ORIGINS: base },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((res, rej) => {
    let out = "";
    p.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      if (out.includes("ready")) res(p);
    });
    p.on("exit", (code) => rej(new Error(`child exited (${code}) before it was ready`)));
  });
}

async function download() {
  return db.prisma.datashareDownload.findFirstOrThrow({ select: { state: true, attempts: true, leaseUntil: true } });
}

test("kill -9 during a GET: a live GET keeps its lease; after the kill the other instance takes over within one lease", async () => {
  child = await startChild();
  const req = adjudicationRequest({ referenceURL: `${base}/v1/datashare/get/p/s/applicant` });
  const r = await receiveRequest(
    db.prisma,
    { destination: "mosip-to-adjudication", headers: {}, body: new TextEncoder().encode(JSON.stringify(req)) },
    intakeOptions([base]),
  );
  assert.equal(r.outcome, "created");
  const caseId = (r as { caseId: string }).caseId;
  await waitFor("the child's GET to reach the datashare", async () => gets.length === 1);
  const claimedLease = (await download()).leaseUntil!;

  // The surviving instance runs alongside while the child is alive and its GET hangs.
  survivor = startDownloadWorker(db.prisma, { ...parseEnv({ MOSIP_DATASHARE_ALLOWED_ORIGINS: base }).mosip.datashare, pollMs: 200 });
  await waitFor("the child to renew its lease", async () => ((await download()).leaseUntil?.getTime() ?? 0) > claimedLease.getTime());
  // Longer than a whole lease: only renewal can keep the row from being taken over meanwhile.
  await new Promise((r) => setTimeout(r, DEFAULT_LEASE_MS + 2_000));
  assert.equal(gets.length, 1, "a slow but live GET is not taken over");
  assert.deepEqual({ ...(await download()), leaseUntil: undefined }, { state: "DOWNLOADING", attempts: 1, leaseUntil: undefined });

  const killedAt = Date.now();
  child.kill("SIGKILL");
  await waitFor("the survivor to GET the share again", async () => gets.length >= 2);
  const takeoverMs = gets[1].at - killedAt;
  console.log(`[datashare-kill] takeover ${takeoverMs} ms after SIGKILL (lease ${DEFAULT_LEASE_MS} ms)`);
  // At most one lease after the child's last renewal, plus the survivor's poll and a loaded machine's slack.
  assert.ok(takeoverMs <= DEFAULT_LEASE_MS + 5_000, `taken over after ${takeoverMs} ms`);

  const c = await waitFor("the case to become READY", async () => {
    const x = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { downloads: true } });
    return x.state === "READY" ? x : null;
  });
  assert.equal(c.downloads[0].attempts, 2, "the dead instance's GET counts as an attempt");
  assert.equal(Buffer.from(c.downloads[0].body!).toString(), "the share");
  assert.equal(gets.length, 2, "the share was read twice in all: MOSIP's default policy allows two reads");
});
