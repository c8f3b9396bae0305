import "server-only";
import { logFor } from "@/lib/log/logger";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { findProjectFile, projectRootOf } from "@/lib/process/find-project-file";
import { processSlot } from "@/lib/process/process-slot";
import { bundleStatus, isUsableBundle, type BundleStatus } from "@/lib/process/worker-bundle.mjs";
import { WorkerPool, WorkerPoolError } from "@/lib/process/worker-pool";
import type { ImageCodec } from "../iso/types";
import { decodeBiometric, DEFAULT_JOB_CODECS, type DecodeBiometricOptions, type DecodedBiometric } from "./decode-biometric";
import type { RenderJob, RenderJobResult } from "./render-job.mjs";

/**
 * The worker pool (lib/process/worker-pool.ts) for the CPU-heavy part of showing a biometric (JPEG 2000 / JPEG /
 * PNG / WSQ decode and WebP/PNG encode), so that a request thread serving other users is not blocked for the
 * 20-300 ms one image takes.
 *
 * The worker is plain JavaScript loaded from disk (decode-worker.mjs), not bundled: Next.js bundles server code,
 * and a bundled worker entry would need bundler-specific handling. ISO parsing stays on the calling thread (it
 * only reads headers). WSQ decoding runs in the worker through wsq-decoder.generated.mjs, a plain-JS build of the
 * TypeScript decoder made by lib/process/build-worker-bundles.mjs at prepare/start/test time; when that build is
 * missing or older than the sources, WSQ falls back to decoding on the calling thread (correct, only slower) and
 * a warning says so.
 */

const WORKER_FILE = "lib/biometrics/image/decode-worker.mjs";
const WSQ_BUNDLE_FILE = "wsq-decoder.generated.mjs";

export class DecodePoolError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DecodePoolError";
  }
}

export interface DecodePoolOptions {
  /** Number of workers; default min(2, CPUs). */
  size?: number;
  /** Absolute path of decode-worker.mjs; default: found under the project root. */
  workerPath?: string;
  /** A job running longer than this is abandoned and its worker replaced. */
  jobTimeoutMs?: number;
  /** Jobs waiting beyond this many are refused rather than queued without bound. */
  maxQueue?: number;
  /**
   * JavaScript heap of each worker, in MiB (V8's old generation; the young one
   * gets an eighth of it). A hostile image that makes a decoder build large
   * JavaScript structures kills only its worker, which is replaced; its job
   * fails with a clear error. Pixel buffers and the wasm heap are bounded by
   * the image caps (raster-limits.mjs), checked before decoding.
   * Default: MAS_DECODE_WORKER_MEMORY_MB, else 256.
   */
  workerMemoryMb?: number;
}

export const DEFAULT_DECODE_WORKER_MEMORY_MB = 256;

/** MAS_DECODE_WORKER_MEMORY_MB when a positive number (validated at start-up by lib/env), else the default. */
function workerMemoryFromEnv(): number {
  const mb = Number(process.env.MAS_DECODE_WORKER_MEMORY_MB);
  return Number.isInteger(mb) && mb > 0 ? mb : DEFAULT_DECODE_WORKER_MEMORY_MB;
}

export function resolveWorkerPath(): string {
  const found = findProjectFile(WORKER_FILE);
  if (!found) throw new DecodePoolError(`decode worker script not found: looked for ${WORKER_FILE} under ${process.cwd()}`);
  return found;
}

/** Whether the WSQ bundle next to a decode worker matches the WSQ sources of that project. */
export function wsqBundleStatus(workerPath: string): BundleStatus {
  return bundleStatus(join(dirname(workerPath), WSQ_BUNDLE_FILE), projectRootOf(workerPath, WORKER_FILE));
}

export class DecodePool {
  readonly size: number;
  /** Codecs the workers decode themselves (see DecodeBiometricOptions.jobCodecs). */
  readonly jobCodecs: ReadonlySet<ImageCodec>;
  readonly wsqBundle: BundleStatus;
  readonly workerMemoryMb: number;
  private readonly pool: WorkerPool<RenderJob, RenderJobResult>;

  constructor(options: DecodePoolOptions = {}) {
    const workerPath = options.workerPath ?? resolveWorkerPath();
    this.wsqBundle = wsqBundleStatus(workerPath);
    const wsqInWorker = isUsableBundle(this.wsqBundle);
    this.jobCodecs = wsqInWorker ? new Set<ImageCodec>([...DEFAULT_JOB_CODECS, "WSQ"]) : DEFAULT_JOB_CODECS;
    this.workerMemoryMb = options.workerMemoryMb ?? workerMemoryFromEnv();
    try {
      this.pool = new WorkerPool<RenderJob, RenderJobResult>({
        name: "decode",
        workerPath,
        size: options.size,
        jobTimeoutMs: options.jobTimeoutMs,
        maxQueue: options.maxQueue,
        workerMemoryMb: this.workerMemoryMb,
        // The worker imports WSQ from here, on first use; without it WSQ stays on the calling thread.
        workerData: { wsqBundleUrl: wsqInWorker ? pathToFileURL(join(dirname(workerPath), WSQ_BUNDLE_FILE)).href : null },
        transferJob: (job) => [(job.kind === "encoded" ? job.bytes : job.raster.data).buffer as ArrayBuffer],
        reviveResult: revive,
      });
    } catch (e) {
      throw decodeError(e);
    }
    this.size = this.pool.size;
    if (!wsqInWorker) warnWsqInThread(this.wsqBundle);
  }

  /** Number of live worker threads (started lazily, at most `size`). */
  get workerCount(): number {
    return this.pool.workerCount;
  }

  /** `background` jobs wait behind every other (prefetch: lib/cases/prefetch-cases.ts). */
  run(job: RenderJob, options: { background?: boolean } = {}): Promise<RenderJobResult> {
    return this.pool.run(detach(job), { background: options.background === true }).catch((e: unknown) => {
      throw decodeError(e, this.pool);
    });
  }

  /** Stops all workers; queued and running jobs are rejected. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The pool's failures in the words the officer's error line and the logs have always used. */
function decodeError(e: unknown, pool?: WorkerPool<RenderJob, RenderJobResult>): unknown {
  if (!(e instanceof WorkerPoolError)) return e;
  if (pool && e.code === "TIMEOUT")
    return new DecodePoolError(`image decode took longer than ${pool.jobTimeoutMs} ms and was abandoned`, { cause: e });
  if (pool && e.code === "OUT_OF_MEMORY") {
    return new DecodePoolError(
      `the image needed more than the decode worker's ${pool.workerMemoryMb} MiB and was abandoned; the worker was replaced`,
      { cause: e },
    );
  }
  return new DecodePoolError(e.message, { cause: e });
}

let warnedWsq = false;
function warnWsqInThread(status: BundleStatus): void {
  if (warnedWsq) return;
  warnedWsq = true;
  logFor("biometrics").warn(
    `[biometrics] WSQ worker bundle is ${status}; WSQ images will decode on the request thread. ` +
      "Run: node lib/process/build-worker-bundles.mjs",
  );
}

/**
 * Copies the job's pixel or image bytes into a buffer of their own so they
 * can be transferred: inputs are usually views into a larger buffer (the
 * whole CBEFF BDB), which must not be detached or cloned in full.
 */
function detach(job: RenderJob): RenderJob {
  if (job.kind === "encoded") return { ...job, bytes: new Uint8Array(job.bytes) };
  return { ...job, raster: { ...job.raster, data: new Uint8Array(job.raster.data) } };
}

/** Structured clone turns Buffers into Uint8Arrays; restore the documented Buffer type. */
function revive(result: RenderJobResult): RenderJobResult {
  return {
    ...result,
    images: result.images.map((image) => ({
      ...image,
      data: Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength),
    })),
  };
}

// One pool per process, so that module re-evaluation (Next.js dev reloads) does not leak worker threads.
const poolSlot = processSlot<DecodePool>("biometrics.decodePool");

export function getDecodePool(): DecodePool {
  return poolSlot.getOrCreate(() => new DecodePool());
}

/** Shuts the shared pool down (tests, graceful shutdown). */
export async function closeDecodePool(): Promise<void> {
  const pool = poolSlot.get();
  poolSlot.clear();
  await pool?.close();
}

/**
 * decodeBiometric with decoding and encoding done in the shared worker pool; `background` puts the jobs behind
 * every job someone is waiting for.
 */
export function decodeBiometricOffThread(
  iso: Uint8Array,
  { background, ...options }: Omit<DecodeBiometricOptions, "run"> & { background?: boolean } = {},
): Promise<DecodedBiometric> {
  const pool = getDecodePool();
  return decodeBiometric(iso, { ...options, run: (job) => pool.run(job, { background }), jobCodecs: pool.jobCodecs });
}
