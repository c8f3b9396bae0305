import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, describe, it } from "node:test";
import { WorkerPool, WorkerPoolError, type WorkerPoolOptions } from "./worker-pool";

const scratch = mkdtempSync(join(tmpdir(), "mas-worker-pool-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const serve = pathToFileURL(join(import.meta.dirname, "serve-worker-jobs.mjs")).href;

type Job = { op: string; ms?: number; bytes?: number };
type Result = { threadId: number; jobs: number; workerData?: unknown; data?: Uint8Array; length?: number };

/**
 * A worker file on the real worker side (serve-worker-jobs.mjs) that does what the job says: answer, wait, spin,
 * exit, throw outside the handler, fill its heap, or make a buffer and move it back.
 */
const TEST_WORKER = join(scratch, "test-worker.mjs");
writeFileSync(
  TEST_WORKER,
  `import { threadId, workerData } from "node:worker_threads";
import { serveWorkerJobs } from ${JSON.stringify(serve)};
let jobs = 0;
let lastBytes;
serveWorkerJobs(async (job) => {
  jobs++;
  switch (job.op) {
    case "echo": return { threadId, jobs, workerData };
    case "wait": await new Promise((r) => setTimeout(r, job.ms)); return { threadId, jobs };
    case "spin": for (;;);
    case "exit": process.exit(7);
    case "crash": setImmediate(() => { throw new Error("boom"); }); return new Promise(() => {});
    case "hog": { const kept = []; for (;;) kept.push({ row: new Array(64).fill(kept.length) }); }
    case "bytes": lastBytes = new Uint8Array(job.bytes).fill(7); return { data: lastBytes };
    case "lastBytesLength": return { length: lastBytes.byteLength };
    case "fail": throw Object.assign(new RangeError("bad job"), { code: "BAD_JOB" });
  }
}, (result) => (result?.data ? [result.data.buffer] : []));
`,
);

function pool(options: Partial<WorkerPoolOptions<Job, Result>> = {}) {
  return new WorkerPool<Job, Result>({ name: "test", workerPath: TEST_WORKER, size: 1, ...options });
}

function rejectsWith(code: string, message: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof WorkerPoolError, String(e));
    assert.equal(e.code, code);
    assert.match(e.message, message);
    return true;
  };
}

describe("WorkerPool", () => {
  it("runs jobs on at most `size` workers, each started once with its workerData", async () => {
    const p = pool({ size: 2, workerData: { greeting: "hello" } });
    try {
      const results = await Promise.all(Array.from({ length: 6 }, () => p.run({ op: "wait", ms: 20 })));
      assert.equal(new Set(results.map((r) => r.threadId)).size, 2);
      assert.equal(p.workerCount, 2);
      const echo = await p.run({ op: "echo" });
      assert.deepEqual(echo.workerData, { greeting: "hello" });
      // Each worker served several jobs: it is started once, not per job.
      assert.ok(echo.jobs > 1);
    } finally {
      await p.close();
    }
  });

  it("passes a job's own error through with its name and code; the worker stays", async () => {
    const p = pool();
    try {
      const first = await p.run({ op: "echo" });
      await assert.rejects(p.run({ op: "fail" }), (e: unknown) => {
        assert.ok(e instanceof Error && !(e instanceof WorkerPoolError));
        assert.deepEqual([e.name, e.message, (e as { code?: string }).code], ["RangeError", "bad job", "BAD_JOB"]);
        return true;
      });
      assert.equal((await p.run({ op: "echo" })).threadId, first.threadId);
    } finally {
      await p.close();
    }
  });

  it("abandons a job past the timeout and replaces its worker", async () => {
    const p = pool({ jobTimeoutMs: 1500 });
    try {
      const before = await p.run({ op: "echo" });
      await assert.rejects(
        p.run({ op: "spin" }),
        rejectsWith("TIMEOUT", /^test job took longer than 1500 ms and was abandoned; the worker was replaced$/),
      );
      assert.equal(p.workerCount, 0);
      const after_ = await p.run({ op: "echo" });
      assert.notEqual(after_.threadId, before.threadId);
    } finally {
      await p.close();
    }
  });

  it("a worker that crashes or exits fails only its own job; the others finish and a fresh worker takes the queue", async () => {
    const p = pool({ size: 2 });
    try {
      const slow = p.run({ op: "wait", ms: 300 });
      const crashing = p.run({ op: "crash" });
      const queued = p.run({ op: "echo" });
      await assert.rejects(crashing, rejectsWith("CRASHED", /^test worker crashed: boom$/));
      assert.equal((await slow).jobs, 1);
      assert.ok((await queued).threadId > 0);
      await assert.rejects(p.run({ op: "exit" }), rejectsWith("EXITED", /^test worker exited with code 7$/));
      assert.equal((await p.run({ op: "echo" })).jobs >= 1, true);
    } finally {
      await p.close();
    }
  });

  it("a worker past its heap limit fails only its job and is replaced", async () => {
    const p = pool({ workerMemoryMb: 32, jobTimeoutMs: 60_000 });
    try {
      await assert.rejects(
        p.run({ op: "hog" }),
        rejectsWith("OUT_OF_MEMORY", /^test job needed more than the worker's 32 MiB and was abandoned; the worker was replaced$/),
      );
      assert.equal((await p.run({ op: "echo" })).jobs, 1);
    } finally {
      await p.close();
    }
  });

  it("bounds its queue, and runs background jobs after the others", async () => {
    const p = pool({ maxQueue: 2 });
    try {
      const done: string[] = [];
      const running = p.run({ op: "wait", ms: 100 }).then(() => done.push("running"));
      const later = p.run({ op: "echo" }, { background: true }).then(() => done.push("background"));
      const now = p.run({ op: "echo" }).then(() => done.push("now"));
      await assert.rejects(p.run({ op: "echo" }), rejectsWith("QUEUE_FULL", /^test queue is full \(2 jobs waiting\)$/));
      assert.equal(p.backlog, 3);
      await Promise.all([running, later, now]);
      assert.deepEqual(done, ["running", "now", "background"]);
    } finally {
      await p.close();
    }
  });

  it("moves a result's buffers back instead of copying them", async () => {
    const p = pool();
    try {
      const { data } = await p.run({ op: "bytes", bytes: 1 << 20 });
      assert.ok(data instanceof Uint8Array);
      assert.equal(data.byteLength, 1 << 20);
      assert.equal(data[12345], 7);
      // The worker's own array was detached by the move.
      assert.deepEqual(await p.run({ op: "lastBytesLength" }), { length: 0 });
    } finally {
      await p.close();
    }
  });

  it("close fails queued and running jobs, stops the workers and refuses new jobs", async () => {
    const p = pool();
    const running = p.run({ op: "wait", ms: 5_000 });
    const queued = p.run({ op: "echo" });
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(p.workerCount, 1);
    const closing = p.close();
    await assert.rejects(running, rejectsWith("CLOSED", /^test pool is closed$/));
    await assert.rejects(queued, rejectsWith("CLOSED", /^test pool is closed$/));
    await closing;
    assert.equal(p.workerCount, 0);
    await assert.rejects(p.run({ op: "echo" }), rejectsWith("CLOSED", /^test pool is closed$/));
  });

  it("refuses a worker file that does not exist", () => {
    assert.throws(
      () => pool({ workerPath: join(scratch, "absent.mjs") }),
      rejectsWith("NOT_FOUND", /^test worker script not found: .*absent\.mjs$/),
    );
  });
});
