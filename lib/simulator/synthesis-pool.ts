// Worker threads that synthesise, encode and encrypt simulated packets, so that none of that runs on the event
// loop serving pages and the MOSIP bridge (a new synthetic person is close to a second of CPU). Jobs "now" (a
// request someone is waiting for) run before jobs "ahead" (refilling the stock of prepared packets).
//
// A lib/process/worker-pool.ts pool on packet-worker.generated.mjs, a plain-JS bundle of packet-worker-entry.ts built
// by lib/process/build-worker-bundles.mjs at prepare/start/test time: Next bundles server code, so a TypeScript
// worker entry could not be started from the app. When the bundle is missing or older than its sources the jobs run
// on the calling thread (correct, only slower: the simulator is a development tool) and a warning says so.

import { availableParallelism } from "node:os";
import { join } from "node:path";
import { findProjectFile, projectRootOf } from "@/lib/process/find-project-file";
import { bundleStatus, isUsableBundle, type BundleStatus } from "@/lib/process/worker-bundle.mjs";
import { WorkerPool } from "@/lib/process/worker-pool";
import { buildPacket, type PacketJob, type PacketResult } from "./build-packet-bodies";

export type JobPriority = "now" | "ahead";

const BUNDLE = "lib/simulator/packet-worker.generated.mjs";
const BUNDLE_FILE = "packet-worker.generated.mjs";

/** A request with several candidates is several seconds of CPU; far beyond that, a worker is stuck. */
const JOB_TIMEOUT_MS = 5 * 60_000;
/** The stock refills a few packets at a time; a queue this long means the workers cannot keep up at all. */
const MAX_QUEUE = 1024;

export interface SynthesisPoolOptions {
  /** Worker threads; default min(2, CPUs). */
  size?: number;
  /** Folder holding packet-worker.generated.mjs; default lib/simulator under the project root. */
  simulatorDir?: string;
}

export class SynthesisPool {
  readonly size: number;
  /** "fresh" or "unverified": jobs run in worker threads; otherwise on the calling thread. */
  readonly bundle: BundleStatus;
  private readonly pool: WorkerPool<PacketJob, PacketResult> | null;
  private closed = false;

  constructor(options: SynthesisPoolOptions = {}) {
    const file = options.simulatorDir ? join(options.simulatorDir, BUNDLE_FILE) : findProjectFile(BUNDLE);
    this.bundle = file ? bundleStatus(file, projectRootOf(file, BUNDLE)) : "missing";
    this.pool =
      file && isUsableBundle(this.bundle)
        ? new WorkerPool<PacketJob, PacketResult>({
            name: "synthesis",
            workerPath: file,
            size: options.size,
            jobTimeoutMs: JOB_TIMEOUT_MS,
            maxQueue: MAX_QUEUE,
          })
        : null;
    this.size = this.pool?.size ?? Math.max(1, options.size ?? Math.min(2, availableParallelism()));
    if (!this.pool) {
      console.warn(
        `[simulator] synthesis worker bundle is ${this.bundle}; simulated packets are built on the calling thread. ` +
          "Run: node lib/process/build-worker-bundles.mjs",
      );
    }
  }

  get inThreads(): boolean {
    return this.pool !== null;
  }

  /** Jobs queued or running. */
  get backlog(): number {
    return this.pool?.backlog ?? 0;
  }

  /** The datashare bodies of the job's subjects, in order. */
  async run(job: PacketJob, priority: JobPriority = "now"): Promise<Buffer[]> {
    return (await this.build(job, priority)).bodies;
  }

  /** The bodies, and each subject's biometrics field when the job asks for them (to serve a registration again). */
  async build(job: PacketJob, priority: JobPriority = "now"): Promise<{ bodies: Buffer[]; biometrics: (string | null)[] | null }> {
    if (this.closed) throw new Error("synthesis pool is closed");
    const result = await (this.pool ? this.pool.run(job, { background: priority === "ahead" }) : buildPacket(job));
    return { bodies: result.bodies.map(toBuffer), biometrics: result.biometrics };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool?.close();
  }
}

function toBuffer(b: Uint8Array): Buffer {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}
