import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { generatePartnerKey } from "@/lib/crypto/generate-partner-key";
import { sealAtRest } from "@/lib/crypto/seal-at-rest";
import type { PrismaClient } from "@/lib/db/generated/client";
import { buildWorkerBundles } from "@/lib/process/build-worker-bundles.mjs";
import { buildDatasharePayload, encodeDatashareBody } from "@/lib/simulator/build-datashare";
import { type CbeffEntry, writeCbeff } from "@/lib/simulator/write-cbeff";

// The process's keys come from the environment, as in production: a partner key ring from files, the data key
// generated under MAS_DATA_DIR (not production).
const dir = mkdtempSync(join(tmpdir(), "mas-load-subject-"));
const partner = generatePartnerKey({ commonName: "load-subject-test" });
writeFileSync(join(dir, "partner-key.pem"), partner.privateKeyPem);
writeFileSync(join(dir, "partner-cert.pem"), partner.certificatePem);
process.env.MAS_DATA_DIR = dir;
process.env.MAS_PARTNER_PRIVATE_KEY_FILE = join(dir, "partner-key.pem");
process.env.MAS_PARTNER_CERTIFICATE_FILE = join(dir, "partner-cert.pem");
await buildWorkerBundles();

const { getEnv } = await import("@/lib/env/get-env");
const { getRuntimeDataKey } = await import("@/lib/crypto/runtime-data-key");
const { loadSubject } = await import("./load-subject");
const { openSubject } = await import("./open-subject");
const { closeSubjectOpener, createSubjectOpener, getSubjectOpener, runtimeSubjectKeys, SubjectBundleError } = await import(
  "./subject-opener"
);
const { subjectKeys } = await import("./subject-worker-data");

after(async () => {
  await closeSubjectOpener();
  rmSync(dir, { recursive: true, force: true });
});

const FINGERS = ["RIGHT_THUMB", "RIGHT_INDEX", "RIGHT_MIDDLE", "RIGHT_RING", "RIGHT_LITTLE", "LEFT_THUMB", "LEFT_INDEX"] as const;

/** A subject with `birs` biometric records of `bdbBytes` each, encrypted for the partner certificate as MOSIP does. */
function subjectBody(birs: number, bdbBytes: number): { body: Buffer; bdbs: Buffer[] } {
  const bdbs = Array.from({ length: birs }, () => randomBytes(bdbBytes));
  const entries: CbeffEntry[] = bdbs.map((bdb, i) => ({ modality: "Finger", position: FINGERS[i % FINGERS.length], bdb, quality: 80 }));
  const payload = buildDatasharePayload({
    rid: "10001100010000120240101000000",
    cbeffXml: writeCbeff(entries),
    identity: { fullName: "Test Person" },
    createdAt: new Date("2024-01-01T00:00:00Z"),
  });
  return { body: Buffer.from(encodeDatashareBody(payload, { encryption: "VER_R2", certificate: partner.certificatePem })), bdbs };
}

/** The slice of Prisma loadSubject uses, holding one stored body, counting its reads. */
function storedRow(body: Uint8Array, bodyStorage: "RECEIVED" | "LOCAL_KEY" = "RECEIVED", id = "row-1") {
  const reads = { count: 0 };
  const prisma = {
    datashareDownload: {
      findMany: async () => {
        reads.count++;
        return [{ id, body, bodyStorage, purgedAt: null }];
      },
    },
  } as unknown as PrismaClient;
  return { prisma, reads };
}

/** Largest gap between timer ticks while `work` runs: how long the event loop was blocked. */
async function maxEventLoopGap<T>(work: () => Promise<T>): Promise<{ gap: number; value: T }> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 1);
  try {
    const value = await work();
    return { gap: Math.max(worst, performance.now() - last), value };
  } finally {
    clearInterval(timer);
  }
}

const small = subjectBody(2, 1000);
const large = subjectBody(120, 40_000);

describe("loadSubject", () => {
  it("decrypts and parses a large subject in a worker thread: the event loop keeps ticking meanwhile", async () => {
    assert.ok(large.body.length > 6 * 1024 * 1024, `the test subject is several MB (${large.body.length} bytes)`);
    const opener = getSubjectOpener(getEnv());
    assert.equal(opener.inThreads, true);
    // Start the workers first so their start-up is not counted.
    assert.equal((await loadSubject(storedRow(small.body).prisma, "case-warm", "applicant")).ok, true);

    const off = await maxEventLoopGap(() => loadSubject(storedRow(large.body).prisma, "case-large", "applicant"));
    assert.ok(off.value.ok, off.value.ok ? "" : off.value.reason);
    assert.equal(off.value.data.birs.length, 120);
    assert.deepEqual(off.value.data.payload.identity?.fullName, { kind: "text", value: "Test Person" });
    for (const i of [0, 57, 119]) {
      assert.ok(Buffer.isBuffer(off.value.data.birs[i].bdb));
      assert.ok(off.value.data.birs[i].bdb?.equals(large.bdbs[i]), `BDB ${i} arrived intact`);
    }

    // The same work on this thread, for scale.
    const keys = subjectKeys(runtimeSubjectKeys(getEnv()));
    const on = await maxEventLoopGap(async () => openSubject({ id: "row-1", body: large.body, bodyStorage: "RECEIVED" }, keys));
    assert.ok(on.value.ok);
    assert.ok(on.gap > 60, `decrypting and parsing the large subject here blocks the loop for a while (${on.gap.toFixed(1)} ms)`);
    assert.ok(
      off.gap < on.gap / 3,
      `loadSubject blocked the event loop ${off.gap.toFixed(1)} ms; on this thread it takes ${on.gap.toFixed(1)} ms`,
    );
  });

  it("opens a subject once for concurrent readers, and serves the cached result after", async () => {
    const { prisma, reads } = storedRow(small.body);
    const all = await Promise.all(Array.from({ length: 5 }, () => loadSubject(prisma, "case-single-flight", "applicant")));
    assert.ok(all.every((r) => r === all[0] && r.ok));
    assert.equal((await loadSubject(prisma, "case-single-flight", "applicant")) === all[0], true);
    assert.equal(reads.count, 1);
  });

  it("reports an altered body as undecryptable, and the worker goes on", async () => {
    const altered = Buffer.from(small.body);
    altered[altered.length - 10] = altered[altered.length - 10] === 0x41 ? 0x42 : 0x41;
    const r = await loadSubject(storedRow(altered).prisma, "case-altered", "applicant");
    assert.equal(r.ok, false);
    assert.match(r.ok ? "" : r.reason, /^the datashare could not be decrypted: AES-GCM authentication failed/);
    assert.equal((await loadSubject(storedRow(small.body).prisma, "case-after", "applicant")).ok, true);
  });

  it("opens a plain body sealed at rest in the worker, with the data key the worker was given at start", async () => {
    const plain = Buffer.from(
      JSON.stringify(
        buildDatasharePayload({
          rid: "1",
          cbeffXml: null,
          identity: { fullName: "Sealed Person" },
          createdAt: new Date("2024-01-01T00:00:00Z"),
        }),
      ),
    );
    const sealed = sealAtRest(plain, getRuntimeDataKey(getEnv()), "row-sealed");
    const r = await loadSubject(storedRow(sealed, "LOCAL_KEY", "row-sealed").prisma, "case-sealed", "applicant");
    assert.ok(r.ok, r.ok ? "" : r.reason);
    assert.deepEqual(r.data.payload.identity?.fullName, { kind: "text", value: "Sealed Person" });
    // Bound to its row: under another row's id it does not open.
    const moved = await loadSubject(storedRow(sealed, "LOCAL_KEY", "row-other").prisma, "case-moved", "applicant");
    assert.match(moved.ok ? "" : moved.reason, /^the datashare could not be decrypted: stored body failed AES-GCM authentication/);
  });
});

describe("subject opener", () => {
  const keys = { partnerKeys: null, dataKey: { ok: false as const, reason: "no data key" } };

  it("refuses to start in production without the worker bundle, saying how to build it", () => {
    assert.throws(
      () => createSubjectOpener({ keys, production: true, workerMemoryMb: 256, bundlePath: null }),
      (e: unknown) => {
        assert.ok(e instanceof SubjectBundleError);
        assert.match(
          e.message,
          /lib\/cases\/subject-worker\.generated\.mjs is missing: in production .*`node lib\/process\/build-worker-bundles\.mjs/,
        );
        return true;
      },
    );
  });

  it("outside production, without the bundle, opens subjects on the calling thread", async () => {
    const opener = createSubjectOpener({ keys, production: false, workerMemoryMb: 256, bundlePath: null });
    assert.equal(opener.inThreads, false);
    const r = await opener.open({ id: "x", body: Buffer.from("not a datashare"), bodyStorage: "RECEIVED" });
    assert.match(r.ok ? "" : r.reason, /^the datashare could not be decrypted: body \(15 bytes\) is neither a JSON object nor base64 text/);
  });
});
