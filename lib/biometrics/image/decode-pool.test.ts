import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parseIsoRecord } from "../iso/parse-iso-record";
import { ISO_SAMPLES, readFixture } from "../testing/fixtures";
import { decodeBiometric } from "./decode-biometric";
import { buildWorkerBundles } from "@/lib/process/build-worker-bundles.mjs";
import { bundleBanner, sourcesHash } from "@/lib/process/worker-bundle.mjs";
import {
  closeDecodePool,
  DecodePool,
  DecodePoolError,
  decodeBiometricOffThread,
  getDecodePool,
  resolveWorkerPath,
  wsqBundleStatus,
} from "./decode-pool";
import type { RenderJob } from "./render-job.mjs";

const scratch = mkdtempSync(join(tmpdir(), "mas-pool-"));
// The suite proves the worker's WSQ path, so it needs the generated bundle
// current; building it is a no-op when it already is.
before(async () => {
  await buildWorkerBundles();
});
after(async () => {
  await closeDecodePool();
  rmSync(scratch, { recursive: true, force: true });
});

function jp2Job(file: string): RenderJob {
  const rep = parseIsoRecord(readFixture(file)).representations[0];
  return { kind: "encoded", codec: "JPEG2000", bytes: rep.image, variants: [{ size: "full", format: "png" }] };
}

function fakeWorker(name: string, body: string): string {
  const path = join(scratch, name);
  writeFileSync(path, `import { parentPort } from "node:worker_threads";\n${body}\n`);
  return path;
}

/** Largest gap between timer ticks while `work` runs: how long the event loop was blocked. */
async function maxEventLoopGap(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 1);
  try {
    await work();
    return Math.max(worst, performance.now() - last);
  } finally {
    clearInterval(timer);
  }
}

describe("DecodePool", () => {
  it("finds its worker script", () => {
    assert.match(resolveWorkerPath(), /lib\/biometrics\/image\/decode-worker\.mjs$/);
  });

  it("gives byte-identical results to decoding on the calling thread, for every sample", async () => {
    for (const sample of ISO_SAMPLES) {
      const iso = readFixture(sample.file);
      const here = await decodeBiometric(iso);
      const there = await decodeBiometricOffThread(iso);
      assert.equal(there.representations[0].error, null, sample.file);
      assert.deepEqual(there, here, sample.file);
      assert.ok(Buffer.isBuffer(there.representations[0].images[0].data));
    }
    assert.ok(getDecodePool().workerCount <= 2);
  });

  it("decodes WSQ in the worker, identical to the in-thread decoder", async () => {
    const iso = readFixture("iso/finger-fir020-wsq-left-index.iso");
    const pool = new DecodePool({ size: 1 });
    try {
      assert.equal(pool.wsqBundle, "fresh");
      assert.ok(pool.jobCodecs.has("WSQ"));
      const jobs: RenderJob[] = [];
      const there = await decodeBiometric(iso, {
        run: (job) => {
          jobs.push(job);
          return pool.run(job);
        },
        jobCodecs: pool.jobCodecs,
      });
      // The compressed bytes, not pixels, crossed to the worker: it did the WSQ decode.
      assert.deepEqual(
        jobs.map((j) => (j.kind === "encoded" ? j.codec : j.kind)),
        ["WSQ"],
      );
      const here = await decodeBiometric(iso);
      assert.equal(there.representations[0].error, null);
      assert.deepEqual(there, here);
      assert.deepEqual([there.representations[0].decoded?.width, there.representations[0].decoded?.height], [280, 448]);
    } finally {
      await pool.close();
    }
  });

  it("reports WSQ errors from the worker in the in-thread wording", async () => {
    const iso = Buffer.from(readFixture("iso/finger-fir020-wsq-left-index.iso"));
    iso.fill(0x00, 62 + 2, 62 + 40); // wreck the WSQ tables just after SOI
    const pool = new DecodePool({ size: 1 });
    try {
      const there = await decodeBiometric(iso, { run: (job) => pool.run(job), jobCodecs: pool.jobCodecs });
      const here = await decodeBiometric(iso);
      assert.match(there.representations[0].error ?? "", /^WSQ decode failed: /);
      assert.equal(there.representations[0].error, here.representations[0].error);
    } finally {
      await pool.close();
    }
  });

  it("sends WSQ to the worker only when the bundle matches the WSQ sources", () => {
    // A project of its own: the worker at its usual place, one WSQ source the bundle lists.
    const root = mkdtempSync(join(scratch, "layout-"));
    const imageDir = join(root, "lib", "biometrics", "image");
    const wsqDir = join(root, "lib", "biometrics", "wsq");
    mkdirSync(imageDir, { recursive: true });
    mkdirSync(wsqDir, { recursive: true });
    writeFileSync(join(wsqDir, "decode-wsq.ts"), "export const a = 1;\n");
    writeFileSync(join(wsqDir, "decode-wsq.test.ts"), "ignored");
    const worker = join(imageDir, "decode-worker.mjs");
    writeFileSync(worker, "");
    assert.equal(wsqBundleStatus(worker), "missing");
    assert.equal(new DecodePool({ workerPath: worker }).jobCodecs.has("WSQ"), false);

    const files = ["lib/biometrics/wsq/decode-wsq.ts"];
    const banner = bundleBanner(sourcesHash(root, files)!, files, files[0]);
    writeFileSync(join(imageDir, "wsq-decoder.generated.mjs"), `${banner}export {};\n`);
    assert.equal(wsqBundleStatus(worker), "fresh");
    assert.equal(new DecodePool({ workerPath: worker }).jobCodecs.has("WSQ"), true);

    writeFileSync(join(wsqDir, "decode-wsq.test.ts"), "tests do not count");
    assert.equal(wsqBundleStatus(worker), "fresh");
    writeFileSync(join(wsqDir, "decode-wsq.ts"), "export const a = 2;\n");
    assert.equal(wsqBundleStatus(worker), "stale");
    assert.equal(new DecodePool({ workerPath: worker }).jobCodecs.has("WSQ"), false);

    rmSync(wsqDir, { recursive: true });
    assert.equal(wsqBundleStatus(worker), "unverified");
  });

  it("runs jobs concurrently on at most min(2, CPUs) workers", async () => {
    const pool = new DecodePool();
    try {
      const jobs = ISO_SAMPLES.filter((s) => s.codec === "JPEG2000").flatMap((s) => [jp2Job(s.file), jp2Job(s.file)]);
      const results = await Promise.all(jobs.map((job) => pool.run(job)));
      assert.equal(results.length, 14);
      assert.ok(results.every((r) => r.images[0].data.length > 0));
      assert.ok(pool.workerCount >= 1 && pool.workerCount <= Math.min(2, pool.size));
    } finally {
      await pool.close();
    }
  });

  it("keeps the event loop responsive while decoding", async () => {
    const iso = readFixture("iso/exception-photo-fac030-jp2.iso");
    const pool = new DecodePool();
    try {
      await pool.run(jp2Job("iso/exception-photo-fac030-jp2.iso")); // start the workers first
      const inThread = await maxEventLoopGap(() => decodeBiometric(iso));
      const offThread = await maxEventLoopGap(() => decodeBiometric(iso, { run: (job) => pool.run(job) }));
      assert.ok(inThread > 20, `decoding the 600x400 photo in-thread should block for a while (blocked ${inThread.toFixed(1)} ms)`);
      assert.ok(offThread < inThread / 2, `pool blocked the loop ${offThread.toFixed(1)} ms vs ${inThread.toFixed(1)} ms in-thread`);
    } finally {
      await pool.close();
    }
  });

  it("passes decode errors through and stays usable", async () => {
    const pool = new DecodePool({ size: 1 });
    try {
      const broken: RenderJob = { kind: "encoded", codec: "JPEG2000", bytes: Buffer.alloc(500, 0x41), variants: [] };
      await assert.rejects(pool.run(broken), (e: unknown) => {
        assert.ok(e instanceof Error);
        assert.equal(e.name, "ImageDecodeError");
        assert.match(e.message, /no JPEG 2000 codestream found/);
        return true;
      });
      const ok = await pool.run(jp2Job("iso/iris-iir010-sample.iso"));
      assert.deepEqual([ok.width, ok.height], [640, 480]);
      assert.equal(pool.workerCount, 1);
    } finally {
      await pool.close();
    }
  });

  it("does not detach or alter the caller's buffers", async () => {
    const pool = new DecodePool({ size: 1 });
    try {
      const iso = readFixture("iso/iris-iir020-jp2-left.iso");
      const copy = Buffer.from(iso);
      await decodeBiometric(iso, { run: (job) => pool.run(job) });
      assert.ok(iso.equals(copy));
    } finally {
      await pool.close();
    }
  });

  it("abandons a job that exceeds the timeout and replaces the worker", async () => {
    const pool = new DecodePool({ size: 1, jobTimeoutMs: 1 });
    try {
      await assert.rejects(pool.run(jp2Job("iso/exception-photo-fac030-jp2.iso")), (e: unknown) => {
        assert.ok(e instanceof DecodePoolError);
        assert.match(e.message, /took longer than 1 ms/);
        return true;
      });
      assert.equal(pool.workerCount, 0);
    } finally {
      await pool.close();
    }
  });

  it("fails the running job when a worker dies or throws, then starts a fresh worker", async () => {
    const exiting = new DecodePool({ size: 1, workerPath: fakeWorker("exit.mjs", "parentPort.on('message', () => process.exit(3));") });
    const throwing = new DecodePool({
      size: 1,
      workerPath: fakeWorker("throw.mjs", "parentPort.on('message', () => { throw new Error('boom'); });"),
    });
    try {
      await assert.rejects(exiting.run(jp2Job("iso/face-fac030-jp2-lossy.iso")), /decode worker exited with code 3/);
      await assert.rejects(throwing.run(jp2Job("iso/face-fac030-jp2-lossy.iso")), /decode worker crashed: boom/);
      assert.equal(exiting.workerCount, 0);
      await assert.rejects(exiting.run(jp2Job("iso/face-fac030-jp2-lossy.iso")), /exited with code 3/);
    } finally {
      await exiting.close();
      await throwing.close();
    }
  });

  it("a worker killed by its memory limit fails only its job; a fresh worker decodes the next image", async () => {
    // The real worker, plus a listener that answers a "HOG" job by building
    // JavaScript objects without end, as a decoder tricked by a hostile
    // image might. It runs before the real handler replies.
    const hog = join(scratch, "hog-worker.mjs");
    writeFileSync(
      hog,
      `import ${JSON.stringify(resolveWorkerPath())};\nimport { parentPort } from "node:worker_threads";\n` +
        `parentPort.on("message", ({ job }) => { if (job.codec === "HOG") { const kept = []; for (;;) kept.push({ row: new Array(64).fill(kept.length) }); } });\n`,
    );
    const pool = new DecodePool({ size: 1, workerPath: hog, workerMemoryMb: 32, jobTimeoutMs: 60_000 });
    try {
      const hostile = { ...jp2Job("iso/face-fac030-jp2-lossy.iso"), codec: "HOG" } as unknown as RenderJob;
      // The worker's heap is part of this process's RSS: its peak shows the limit held.
      const before = process.memoryUsage.rss();
      let peak = before;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage.rss());
      }, 2);
      await assert.rejects(
        pool.run(hostile).finally(() => clearInterval(sampler)),
        (e: unknown) => {
          assert.ok(e instanceof DecodePoolError);
          assert.match(e.message, /needed more than the decode worker's 32 MiB and was abandoned; the worker was replaced/);
          return true;
        },
      );
      assert.ok(peak - before < 160 * 1024 * 1024, `RSS grew by ${Math.round((peak - before) / 1048576)} MiB`);
      assert.equal(pool.workerCount, 0);
      const next = await pool.run(jp2Job("iso/face-fac030-jp2-lossy.iso"));
      assert.deepEqual([next.width, next.height], [240, 320]);
      assert.equal(pool.workerCount, 1);
    } finally {
      await pool.close();
    }
  });

  it("bounds its queue and refuses work after close", async () => {
    const pool = new DecodePool({ size: 1, maxQueue: 1 });
    const first = pool.run(jp2Job("iso/exception-photo-fac030-jp2.iso"));
    const second = pool.run(jp2Job("iso/face-fac030-jp2-lossy.iso"));
    await assert.rejects(pool.run(jp2Job("iso/face-fac030-jp2-lossy.iso")), /decode queue is full \(1 jobs waiting\)/);
    const closing = pool.close();
    await assert.rejects(first, /decode pool is closed/);
    await assert.rejects(second, /decode pool is closed/);
    await closing;
    await assert.rejects(pool.run(jp2Job("iso/face-fac030-jp2-lossy.iso")), /decode pool is closed/);
  });

  it("reports a missing worker script clearly", () => {
    assert.throws(
      () => new DecodePool({ workerPath: join(scratch, "absent.mjs") }),
      (e: unknown) => {
        assert.ok(e instanceof DecodePoolError);
        assert.match(e.message, /decode worker script not found: .*absent\.mjs$/);
        return true;
      },
    );
  });
});
