import "server-only";
import { logFor } from "@/lib/log/logger";
import { findProjectFile, projectRootOf } from "@/lib/process/find-project-file";
import { processSlot } from "@/lib/process/process-slot";
import { bundleStatus, isUsableBundle } from "@/lib/process/worker-bundle.mjs";
import { WorkerPool, WorkerPoolError } from "@/lib/process/worker-pool";
import type { FingerRecordTemplate } from "@/lib/matching/extract-finger-record";
import type { FingerJob, FingerJobResult } from "@/lib/matching/finger-worker-entry";
import type { MatchResult } from "@/lib/matching/match-templates";
import type { FingerTemplate } from "@/lib/matching/types";
import { type FingerWork, FingerWorkError, type PairScore } from "./finger-work";

// Fingerprint extraction and comparison on worker threads (lib/process/worker-pool.ts), never on the event loop
// that serves pages. The worker is finger-worker.generated.mjs, the plain-JS bundle of
// lib/matching/finger-worker-entry.ts built by lib/process/build-worker-bundles.mjs at prepare/start/test time.
// Without a usable bundle there is no scoring (the case view says "pending") rather than scoring on this thread.

const BUNDLE = "lib/matching/finger-worker.generated.mjs";
/** One extraction is ~40 ms of CPU; far beyond this on a loaded machine, the worker is stuck. */
const JOB_TIMEOUT_MS = 60_000;
/** A case queues ~40 extractions; several cases' worth may wait. */
const MAX_QUEUE = 1024;
const DEFAULT_WORKER_MEMORY_MB = 256;

/** MAS_DECODE_WORKER_MEMORY_MB (validated at start-up by lib/env) applies here too: these workers decode images. */
function workerMemoryMb(): number {
  const mb = Number(process.env.MAS_DECODE_WORKER_MEMORY_MB);
  return Number.isInteger(mb) && mb > 0 ? mb : DEFAULT_WORKER_MEMORY_MB;
}

export class FingerWorkPool implements FingerWork {
  readonly parallelism: number;
  private readonly pool: WorkerPool<FingerJob, FingerJobResult>;

  constructor(options: { size?: number; workerPath?: string } = {}) {
    const file = options.workerPath ?? findProjectFile(BUNDLE);
    const status = file ? bundleStatus(file, projectRootOf(file, BUNDLE)) : "missing";
    if (!file || !isUsableBundle(status)) {
      throw new FingerWorkError(`the fingerprint worker bundle is ${status}: run node lib/process/build-worker-bundles.mjs`);
    }
    this.pool = new WorkerPool<FingerJob, FingerJobResult>({
      name: "fingerprint",
      workerPath: file,
      size: options.size,
      jobTimeoutMs: JOB_TIMEOUT_MS,
      maxQueue: MAX_QUEUE,
      workerMemoryMb: workerMemoryMb(),
      transferJob: (job) => (job.op === "extract" ? [job.iso.buffer as ArrayBuffer] : []),
    });
    this.parallelism = this.pool.size;
  }

  extract(iso: Uint8Array): Promise<FingerRecordTemplate> {
    // A copy of its own to move: the record is a view into the whole CBEFF, which must stay usable here.
    return this.run({ op: "extract", iso: new Uint8Array(iso) }) as Promise<FingerRecordTemplate>;
  }

  match(pairs: Parameters<FingerWork["match"]>[0]): Promise<PairScore[]> {
    return this.run({ op: "match", pairs: pairs.map(([a, b]) => [a, b]) }) as Promise<PairScore[]>;
  }

  align(a: FingerTemplate, b: FingerTemplate): Promise<MatchResult> {
    return this.run({ op: "align", a, b }) as Promise<MatchResult>;
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async run(job: FingerJob): Promise<FingerJobResult> {
    try {
      return await this.pool.run(job);
    } catch (e) {
      // The pool's own failures (timeout, crash, closed) are retried with the case; a job's error is the image's.
      if (e instanceof WorkerPoolError) throw new FingerWorkError(e.message, { cause: e });
      throw e;
    }
  }
}

const poolSlot = processSlot<FingerWorkPool>("cases.fingerWorkPool");

/** The process's scoring pool, started on first use (its workers start lazily too). */
export function getFingerWorkPool(): FingerWorkPool {
  return poolSlot.getOrCreate(() => {
    const pool = new FingerWorkPool();
    logFor("cases").info(`[finger-scoring] ${pool.parallelism} worker thread(s)`);
    return pool;
  });
}

/** Stops the shared pool (tests, graceful stop). */
export async function closeFingerWorkPool(): Promise<void> {
  const pool = poolSlot.get();
  poolSlot.clear();
  await pool?.close();
}
