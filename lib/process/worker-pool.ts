import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { type Transferable, Worker } from "node:worker_threads";

/**
 * The one pool of worker threads of the MAS ([decision 0016](../../docs/decisions/0016-one-worker-pool.md)): a fixed
 * number of workers on one worker file, each running one job at a time, so that CPU-heavy work (image decoding,
 * packet synthesis, datashare decryption and parsing) never blocks the event loop that serves pages and the
 * MOSIP bridge.
 *
 * Protocol (serve-worker-jobs.mjs is the worker side): the pool posts `{ id, job }`; the worker answers
 * `{ id, ok: true, result }` or `{ id, ok: false, error: { name, message, code? } }`. A job's error is the
 * worker's error (same name and message); the pool's own failures are WorkerPoolError with a code.
 *
 * Workers start lazily, are replaced when they die, run out of heap or exceed the job timeout (the job fails,
 * the others do not), and keep the process alive only while they have work.
 */

export type WorkerPoolErrorCode =
  | "CLOSED"
  | "QUEUE_FULL"
  | "TIMEOUT"
  | "OUT_OF_MEMORY"
  | "CRASHED"
  | "EXITED"
  | "NOT_FOUND"
  | "START_FAILED";

export class WorkerPoolError extends Error {
  readonly code: WorkerPoolErrorCode;
  constructor(code: WorkerPoolErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WorkerPoolError";
    this.code = code;
  }
}

export interface WorkerPoolOptions<Job, Result> {
  /** Names the pool in its errors: "decode" gives "decode worker crashed: …". */
  name: string;
  /** Absolute path of the worker file (plain JavaScript: see build-worker-bundles.mjs for TypeScript workers). */
  workerPath: string;
  /** Worker threads; default min(2, CPUs). */
  size?: number;
  /** A job running longer than this fails and its worker is replaced; default 30 s. */
  jobTimeoutMs?: number;
  /** Jobs waiting beyond this many are refused rather than queued without bound; default 256. */
  maxQueue?: number;
  /**
   * JavaScript heap of each worker in MiB (V8's old generation; the young one gets an eighth). A job that needs
   * more kills only its worker, which is replaced. Default: Node's own limit.
   */
  workerMemoryMb?: number;
  /** Given to every worker once, when it starts (node:worker_threads workerData): keys, settings, bundle paths. */
  workerData?: unknown;
  /** ArrayBuffers of a job moved to the worker instead of copied; the caller must not use them afterwards. */
  transferJob?: (job: Job) => Transferable[];
  /** Restores what structured clone does not keep (a Buffer arrives as a Uint8Array). */
  reviveResult?: (result: Result) => Result;
}

export interface RunOptions {
  /** Runs after every job not marked background (e.g. refilling a stock while someone waits for a request). */
  background?: boolean;
}

interface Pending<Job, Result> {
  job: Job;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

interface Slot<Job, Result> {
  worker: Worker;
  current: (Pending<Job, Result> & { id: number; timer: NodeJS.Timeout }) | null;
}

type Reply<Result> =
  | { id: number; ok: true; result: Result }
  | { id: number; ok: false; error: { name: string; message: string; code?: unknown } };

export class WorkerPool<Job, Result> {
  readonly name: string;
  readonly size: number;
  readonly workerPath: string;
  readonly jobTimeoutMs: number;
  readonly maxQueue: number;
  readonly workerMemoryMb: number | undefined;
  private readonly options: WorkerPoolOptions<Job, Result>;
  private readonly slots: Slot<Job, Result>[] = [];
  private readonly foreground: Pending<Job, Result>[] = [];
  private readonly background: Pending<Job, Result>[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: WorkerPoolOptions<Job, Result>) {
    if (!existsSync(/* turbopackIgnore: true */ options.workerPath)) {
      throw new WorkerPoolError("NOT_FOUND", `${options.name} worker script not found: ${options.workerPath}`);
    }
    this.options = options;
    this.name = options.name;
    this.workerPath = options.workerPath;
    this.size = Math.max(1, options.size ?? Math.min(2, availableParallelism()));
    this.jobTimeoutMs = options.jobTimeoutMs ?? 30_000;
    this.maxQueue = options.maxQueue ?? 256;
    this.workerMemoryMb = options.workerMemoryMb;
  }

  /** Live worker threads (started lazily, at most `size`). */
  get workerCount(): number {
    return this.slots.length;
  }

  /** Jobs waiting or running. */
  get backlog(): number {
    return this.foreground.length + this.background.length + this.slots.filter((s) => s.current).length;
  }

  run(job: Job, options: RunOptions = {}): Promise<Result> {
    if (this.closed) return Promise.reject(this.error("CLOSED", `${this.name} pool is closed`));
    if (this.foreground.length + this.background.length >= this.maxQueue) {
      return Promise.reject(this.error("QUEUE_FULL", `${this.name} queue is full (${this.maxQueue} jobs waiting)`));
    }
    return new Promise<Result>((resolve, reject) => {
      (options.background ? this.background : this.foreground).push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; queued and running jobs fail with CLOSED. */
  async close(): Promise<void> {
    this.closed = true;
    const error = this.error("CLOSED", `${this.name} pool is closed`);
    for (const pending of [...this.foreground.splice(0), ...this.background.splice(0)]) pending.reject(error);
    const slots = this.slots.splice(0);
    for (const slot of slots) this.failCurrent(slot, error);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private error(code: WorkerPoolErrorCode, message: string, cause?: unknown): WorkerPoolError {
    return new WorkerPoolError(code, message, cause === undefined ? undefined : { cause });
  }

  private dispatch(): void {
    while (this.foreground.length + this.background.length > 0) {
      const slot = this.slots.find((s) => s.current === null) ?? this.spawn();
      if (!slot) return;
      const pending = (this.foreground.shift() ?? this.background.shift()) as Pending<Job, Result>;
      const id = this.nextId++;
      const timer = setTimeout(() => this.timeOut(slot), this.jobTimeoutMs);
      slot.current = { ...pending, id, timer };
      // Keep the process alive only while work is in flight (a CLI exits when its work is done).
      slot.worker.ref();
      slot.worker.postMessage({ id, job: pending.job }, this.options.transferJob?.(pending.job) ?? []);
    }
  }

  private spawn(): Slot<Job, Result> | null {
    if (this.closed || this.slots.length >= this.size) return null;
    const mb = this.workerMemoryMb;
    let worker: Worker;
    try {
      // execArgv: [] so the worker runs on plain Node, as in production, whatever loader (tsx) or conditions the
      // parent was started with.
      worker = new Worker(this.workerPath, {
        execArgv: [],
        workerData: this.options.workerData,
        resourceLimits:
          mb === undefined ? undefined : { maxOldGenerationSizeMb: mb, maxYoungGenerationSizeMb: Math.max(4, Math.ceil(mb / 8)) },
      });
    } catch (cause) {
      const error = this.error("START_FAILED", `${this.name} worker could not be started: ${(cause as Error).message}`, cause);
      for (const pending of [...this.foreground.splice(0), ...this.background.splice(0)]) pending.reject(error);
      return null;
    }
    const slot: Slot<Job, Result> = { worker, current: null };
    worker.unref();
    worker.on("message", (reply: Reply<Result>) => this.onReply(slot, reply));
    worker.on("error", (error) => this.retire(slot, this.crashError(error)));
    worker.on("exit", (code) => this.retire(slot, this.error("EXITED", `${this.name} worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  private crashError(error: Error): WorkerPoolError {
    if ((error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY") {
      return this.error(
        "OUT_OF_MEMORY",
        `${this.name} job needed more than the worker's ${this.workerMemoryMb} MiB and was abandoned; the worker was replaced`,
        error,
      );
    }
    return this.error("CRASHED", `${this.name} worker crashed: ${error.message}`, error);
  }

  private onReply(slot: Slot<Job, Result>, reply: Reply<Result>): void {
    const current = slot.current;
    if (!current || current.id !== reply.id) return;
    clearTimeout(current.timer);
    slot.current = null;
    slot.worker.unref();
    if (reply.ok) {
      current.resolve(this.options.reviveResult ? this.options.reviveResult(reply.result) : reply.result);
    } else {
      const error = Object.assign(new Error(reply.error.message), { name: reply.error.name });
      if (reply.error.code !== undefined) Object.assign(error, { code: reply.error.code });
      current.reject(error);
    }
    this.dispatch();
  }

  private timeOut(slot: Slot<Job, Result>): void {
    this.retire(
      slot,
      this.error("TIMEOUT", `${this.name} job took longer than ${this.jobTimeoutMs} ms and was abandoned; the worker was replaced`),
    );
    void slot.worker.terminate();
  }

  /** Removes a dead or stuck worker: its job fails, queued jobs go to a replacement. */
  private retire(slot: Slot<Job, Result>, error: Error): void {
    const at = this.slots.indexOf(slot);
    if (at === -1) return;
    this.slots.splice(at, 1);
    this.failCurrent(slot, error);
    this.dispatch();
  }

  private failCurrent(slot: Slot<Job, Result>, error: Error): void {
    if (!slot.current) return;
    clearTimeout(slot.current.timer);
    slot.current.reject(error);
    slot.current = null;
  }
}
