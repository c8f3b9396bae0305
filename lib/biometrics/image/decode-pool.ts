import "server-only";
import { logFor } from "@/lib/log/logger";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ImageCodec } from "../iso/types";
import { decodeBiometric, DEFAULT_JOB_CODECS, type DecodeBiometricOptions, type DecodedBiometric } from "./decode-biometric";
import type { RenderJob, RenderJobResult } from "./render-job.mjs";
import { wsqBundleStatus, type WsqBundleStatus } from "./wsq-decoder-bundle.mjs";
import { processSlot } from "@/lib/process/process-slot";

/**
 * A small worker_threads pool for the CPU-heavy part of showing a biometric
 * (JPEG 2000 / JPEG / PNG decode and WebP/PNG encode), so that a request
 * thread serving other users is not blocked for the 20-300 ms one image takes.
 *
 * The worker is plain JavaScript loaded from disk (decode-worker.mjs), not
 * bundled: Next.js bundles server code, and a bundled worker entry would need
 * bundler-specific handling. ISO parsing stays on the calling thread (it only
 * reads headers). WSQ decoding runs in the worker through
 * wsq-decoder.generated.mjs, a plain-JS build of the TypeScript decoder made
 * by build-wsq-decoder.mjs at prepare/start/test time; when that build is
 * missing or older than the sources, WSQ falls back to decoding on the
 * calling thread (correct, only slower) and a warning says so.
 */

const WORKER_FILE = "decode-worker.mjs";

export class DecodePoolError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DecodePoolError";
  }
}

export interface DecodePoolOptions {
  /** Number of workers; default min(2, CPUs). */
  size?: number;
  /** Absolute path of decode-worker.mjs; default: found next to this module or under the project root. */
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

interface Pending {
  job: RenderJob;
  resolve: (result: RenderJobResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  current: (Pending & { id: number; timer: NodeJS.Timeout }) | null;
}

type WorkerReply = { id: number; ok: true; result: RenderJobResult } | { id: number; ok: false; error: { name: string; message: string } };

export function resolveWorkerPath(): string {
  const candidates: string[] = [];
  try {
    // Meaningful when this module runs from source (tsx, next dev without bundling).
    candidates.push(join(dirname(fileURLToPath(import.meta.url)), WORKER_FILE));
  } catch {
    // import.meta.url is not a file: URL inside some bundles.
  }
  candidates.push(join(process.cwd(), "lib", "biometrics", "image", WORKER_FILE));
  const found = candidates.find((p) => existsSync(/* turbopackIgnore: true */ p));
  if (!found) throw new DecodePoolError(`decode worker script not found; looked in: ${candidates.join(", ")}`);
  return found;
}

export class DecodePool {
  readonly size: number;
  /** Codecs the workers decode themselves (see DecodeBiometricOptions.jobCodecs). */
  readonly jobCodecs: ReadonlySet<ImageCodec>;
  readonly wsqBundle: WsqBundleStatus;
  private readonly workerPath: string;
  private readonly jobTimeoutMs: number;
  private readonly maxQueue: number;
  readonly workerMemoryMb: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: DecodePoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(2, availableParallelism()));
    if (options.workerPath !== undefined && !existsSync(/* turbopackIgnore: true */ options.workerPath)) {
      throw new DecodePoolError(`decode worker script not found: ${options.workerPath}`);
    }
    this.workerPath = options.workerPath ?? resolveWorkerPath();
    this.wsqBundle = wsqBundleStatus(dirname(this.workerPath));
    const wsqInWorker = this.wsqBundle === "fresh" || this.wsqBundle === "unverified";
    this.jobCodecs = wsqInWorker ? new Set<ImageCodec>([...DEFAULT_JOB_CODECS, "WSQ"]) : DEFAULT_JOB_CODECS;
    if (!wsqInWorker) warnWsqInThread(this.wsqBundle);
    this.jobTimeoutMs = options.jobTimeoutMs ?? 30_000;
    this.maxQueue = options.maxQueue ?? 256;
    this.workerMemoryMb = options.workerMemoryMb ?? workerMemoryFromEnv();
  }

  /** Number of live worker threads (started lazily, at most `size`). */
  get workerCount(): number {
    return this.slots.length;
  }

  run(job: RenderJob): Promise<RenderJobResult> {
    if (this.closed) return Promise.reject(new DecodePoolError("decode pool is closed"));
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(new DecodePoolError(`decode queue is full (${this.maxQueue} jobs waiting)`));
    }
    return new Promise<RenderJobResult>((resolve, reject) => {
      this.queue.push({ job: detach(job), resolve, reject });
      this.dispatch();
    });
  }

  /** Stops all workers; queued and running jobs are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new DecodePoolError("decode pool is closed");
    for (const pending of this.queue.splice(0)) pending.reject(error);
    const slots = this.slots.splice(0);
    for (const slot of slots) this.failCurrent(slot, error);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.current === null) ?? this.spawn();
      if (!slot) return;
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      const timer = setTimeout(() => this.timeOut(slot), this.jobTimeoutMs);
      slot.current = { ...pending, id, timer };
      // Keep the process alive only while work is in flight.
      slot.worker.ref();
      slot.worker.postMessage({ id, job: pending.job }, transferList(pending.job));
    }
  }

  private spawn(): Slot | null {
    if (this.closed || this.slots.length >= this.size) return null;
    // execArgv: [] so the worker runs on plain Node, exactly as in production,
    // regardless of loaders (tsx) or conditions the parent was started with.
    let worker: Worker;
    try {
      worker = new Worker(this.workerPath, {
        execArgv: [],
        resourceLimits: {
          maxOldGenerationSizeMb: this.workerMemoryMb,
          maxYoungGenerationSizeMb: Math.max(4, Math.ceil(this.workerMemoryMb / 8)),
        },
      });
    } catch (cause) {
      const error = new DecodePoolError(`decode worker could not be started: ${(cause as Error).message}`, { cause });
      for (const pending of this.queue.splice(0)) pending.reject(error);
      return null;
    }
    const slot: Slot = { worker, current: null };
    worker.unref();
    worker.on("message", (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on("error", (error) => this.retire(slot, workerError(error, this.workerMemoryMb)));
    worker.on("exit", (code) => this.retire(slot, new DecodePoolError(`decode worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    const current = slot.current;
    if (!current || current.id !== reply.id) return;
    clearTimeout(current.timer);
    slot.current = null;
    slot.worker.unref();
    if (reply.ok) {
      current.resolve(revive(reply.result));
    } else {
      const error = new Error(reply.error.message);
      error.name = reply.error.name;
      current.reject(error);
    }
    this.dispatch();
  }

  private timeOut(slot: Slot): void {
    this.retire(slot, new DecodePoolError(`image decode took longer than ${this.jobTimeoutMs} ms and was abandoned`));
    void slot.worker.terminate();
  }

  /** Removes a dead or stuck worker; its job fails, queued jobs go to a replacement. */
  private retire(slot: Slot, error: Error): void {
    const at = this.slots.indexOf(slot);
    if (at === -1) return;
    this.slots.splice(at, 1);
    this.failCurrent(slot, error);
    this.dispatch();
  }

  private failCurrent(slot: Slot, error: Error): void {
    if (!slot.current) return;
    clearTimeout(slot.current.timer);
    slot.current.reject(error);
    slot.current = null;
  }
}

function workerError(error: Error, memoryMb: number): DecodePoolError {
  if ((error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY") {
    return new DecodePoolError(
      `the image needed more than the decode worker's ${memoryMb} MiB and was abandoned; the worker was replaced`,
      {
        cause: error,
      },
    );
  }
  return new DecodePoolError(`decode worker crashed: ${error.message}`, { cause: error });
}

let warnedWsq = false;
function warnWsqInThread(status: WsqBundleStatus): void {
  if (warnedWsq) return;
  warnedWsq = true;
  logFor("biometrics").warn(
    `[biometrics] WSQ worker bundle is ${status}; WSQ images will decode on the request thread. ` +
      "Run: node lib/biometrics/image/build-wsq-decoder.mjs",
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

function transferList(job: RenderJob): ArrayBuffer[] {
  const bytes = job.kind === "encoded" ? job.bytes : job.raster.data;
  return [bytes.buffer as ArrayBuffer];
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

/** decodeBiometric with decoding and encoding done in the shared worker pool. */
export function decodeBiometricOffThread(iso: Uint8Array, options: Omit<DecodeBiometricOptions, "run"> = {}): Promise<DecodedBiometric> {
  const pool = getDecodePool();
  return decodeBiometric(iso, { ...options, run: (job) => pool.run(job), jobCodecs: pool.jobCodecs });
}
