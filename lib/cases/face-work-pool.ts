import "server-only";
import { logFor } from "@/lib/log/logger";
import type { FaceRecordDescription } from "@/lib/matching/describe-face-record";
import type { FaceJob, FaceJobResult } from "@/lib/matching/face-worker-entry";
import { findProjectFile, projectRootOf } from "@/lib/process/find-project-file";
import { processSlot } from "@/lib/process/process-slot";
import { bundleStatus, isUsableBundle } from "@/lib/process/worker-bundle.mjs";
import { WorkerPool, WorkerPoolError } from "@/lib/process/worker-pool";
import { FingerWorkError } from "./finger-work";

// Face descriptors on worker threads (lib/process/worker-pool.ts), never on the event loop that serves pages. The
// worker is face-worker.generated.mjs, the plain-JS bundle of lib/matching/face-worker-entry.ts (face-api and
// TensorFlow.js inside it; the weights and the .wasm read from node_modules). Without a usable bundle there is no
// face score rather than a model run on this thread.

const BUNDLE = "lib/matching/face-worker.generated.mjs";
/** One face is ~0.5-1 s of CPU, the model's start ~1-2 s more; far beyond this on a loaded machine, the worker is stuck. */
const JOB_TIMEOUT_MS = 120_000;
/** A case queues one face per subject. */
const MAX_QUEUE = 256;
/** The three nets' weights (~12 MB) as tensors plus the WebAssembly heap: measured ~250 MB at most per worker. */
const WORKER_MEMORY_MB = 512;

/** Where face descriptors are made: the service's pool, or a test's. */
export interface FaceWork {
  describe(iso: Uint8Array): Promise<FaceRecordDescription>;
}

export class FaceWorkPool implements FaceWork {
  readonly parallelism: number;
  private readonly pool: WorkerPool<FaceJob, FaceJobResult>;

  constructor(options: { size?: number; workerPath?: string } = {}) {
    const file = options.workerPath ?? findProjectFile(BUNDLE);
    const status = file ? bundleStatus(file, projectRootOf(file, BUNDLE)) : "missing";
    if (!file || !isUsableBundle(status)) {
      throw new FingerWorkError(`the face worker bundle is ${status}: run node lib/process/build-worker-bundles.mjs`);
    }
    this.pool = new WorkerPool<FaceJob, FaceJobResult>({
      name: "face",
      workerPath: file,
      size: options.size,
      jobTimeoutMs: JOB_TIMEOUT_MS,
      maxQueue: MAX_QUEUE,
      workerMemoryMb: WORKER_MEMORY_MB,
      transferJob: (job) => (job.op === "describe" ? [job.iso.buffer as ArrayBuffer] : []),
    });
    this.parallelism = this.pool.size;
  }

  describe(iso: Uint8Array): Promise<FaceRecordDescription> {
    // A copy of its own to move: the record is a view into the whole CBEFF, which must stay usable here.
    return this.run({ op: "describe", iso: new Uint8Array(iso) }) as Promise<FaceRecordDescription>;
  }

  /** Starts every worker's model (tests and benchmarks that time the faces alone). */
  async warm(): Promise<void> {
    await Promise.all(Array.from({ length: this.parallelism }, () => this.run({ op: "warm" })));
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async run(job: FaceJob): Promise<FaceJobResult> {
    try {
      return await this.pool.run(job);
    } catch (e) {
      // The pool's own failures (timeout, crash, closed) are retried with the case; a job's error is the image's.
      if (e instanceof WorkerPoolError) throw new FingerWorkError(e.message, { cause: e });
      throw e;
    }
  }
}

const poolSlot = processSlot<FaceWorkPool>("cases.faceWorkPool");

/** The process's face pool, started on first use (its workers start lazily too). */
export function getFaceWorkPool(): FaceWorkPool {
  return poolSlot.getOrCreate(() => {
    // One thread: the fingerprint pool already keeps both cores busy on a case, and each face worker holds the
    // model (~12 MB of weights as tensors plus the WebAssembly heap).
    const pool = new FaceWorkPool({ size: 1 });
    logFor("cases").info(`[face-scoring] ${pool.parallelism} worker thread(s)`);
    return pool;
  });
}

/** Stops the shared pool (tests, graceful stop). */
export async function closeFaceWorkPool(): Promise<void> {
  const pool = poolSlot.get();
  poolSlot.clear();
  await pool?.close();
}
