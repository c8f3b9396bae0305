// Worker threads that synthesise, encode and encrypt simulated packets, so that none of that runs on the event
// loop serving pages and the MOSIP bridge (a new synthetic person is close to a second of CPU). Jobs "now" (a
// request someone is waiting for) run before jobs "ahead" (refilling the stock of prepared packets).
//
// The worker is packet-worker.generated.mjs, a plain-JS bundle of packet-worker-entry.ts built by
// build-packet-worker.mjs at prepare/start/test time and loaded from disk, as decode-pool.ts does with its worker:
// Next bundles server code, so a TypeScript worker entry could not be started from the app. When the bundle is
// missing or older than its sources the jobs run on the calling thread (correct, only slower) and a warning says so.

import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { buildPacketBodies, type PacketJob } from "./build-packet-bodies";
import { PACKET_WORKER_FILE, packetWorkerStatus, type PacketWorkerStatus } from "./packet-worker-bundle.mjs";

export type JobPriority = "now" | "ahead";

export interface SynthesisPoolOptions {
  /** Worker threads; default min(2, CPUs). */
  size?: number;
  /** Folder holding packet-worker.generated.mjs; default found next to this module or under the project root. */
  simulatorDir?: string;
}

interface Pending {
  job: PacketJob;
  resolve: (bodies: Buffer[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  current: (Pending & { id: number }) | null;
}

type Reply = { id: number; ok: true; bodies: Uint8Array[] } | { id: number; ok: false; error: { name: string; message: string } };

export function findSimulatorDir(): string | null {
  const candidates: string[] = [];
  try {
    // Meaningful when this module runs from source (tsx, the CLI, unit tests).
    candidates.push(dirname(fileURLToPath(import.meta.url)));
  } catch {
    // import.meta.url is not a file: URL inside some bundles.
  }
  // turbopackIgnore: Next's output tracing would otherwise copy this whole source folder into the build; the
  // bundle it needs is listed in next.config.ts outputFileTracingIncludes.
  candidates.push(join(/* turbopackIgnore: true */ process.cwd(), "lib", "simulator"));
  return candidates.find((d) => existsSync(/* turbopackIgnore: true */ join(d, PACKET_WORKER_FILE))) ?? null;
}

export class SynthesisPool {
  readonly size: number;
  /** "fresh" or "unverified": jobs run in worker threads; otherwise on the calling thread. */
  readonly bundle: PacketWorkerStatus;
  private readonly workerFile: string | null;
  private readonly slots: Slot[] = [];
  private readonly now: Pending[] = [];
  private readonly ahead: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: SynthesisPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(2, availableParallelism()));
    const dir = options.simulatorDir ?? findSimulatorDir();
    this.bundle = dir ? packetWorkerStatus(dir) : "missing";
    this.workerFile =
      dir && (this.bundle === "fresh" || this.bundle === "unverified") ? join(/* turbopackIgnore: true */ dir, PACKET_WORKER_FILE) : null;
    if (!this.workerFile) {
      console.warn(
        `[simulator] synthesis worker bundle is ${this.bundle}; simulated packets are built on the calling thread. ` +
          "Run: node lib/simulator/build-packet-worker.mjs",
      );
    }
  }

  get inThreads(): boolean {
    return this.workerFile !== null;
  }

  /** Jobs queued or running. */
  get backlog(): number {
    return this.now.length + this.ahead.length + this.slots.filter((s) => s.current).length;
  }

  run(job: PacketJob, priority: JobPriority = "now"): Promise<Buffer[]> {
    if (this.closed) return Promise.reject(new Error("synthesis pool is closed"));
    if (!this.workerFile) return buildPacketBodies(job).then((bodies) => bodies.map(toBuffer));
    return new Promise<Buffer[]>((resolve, reject) => {
      (priority === "now" ? this.now : this.ahead).push({ job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const error = new Error("synthesis pool is closed");
    for (const p of [...this.now.splice(0), ...this.ahead.splice(0)]) p.reject(error);
    const slots = this.slots.splice(0);
    for (const s of slots) s.current?.reject(error);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.now.length + this.ahead.length > 0) {
      const slot = this.slots.find((s) => s.current === null) ?? this.spawn();
      if (!slot) return;
      const pending = (this.now.shift() ?? this.ahead.shift())!;
      const id = this.nextId++;
      slot.current = { ...pending, id };
      // Keep the process alive only while work is in flight (the CLI exits when its work is done).
      slot.worker.ref();
      slot.worker.postMessage({ id, job: pending.job });
    }
  }

  private spawn(): Slot | null {
    if (this.closed || !this.workerFile || this.slots.length >= this.size) return null;
    // execArgv: [] so the worker runs on plain Node whatever loader (tsx) the parent was started with.
    const worker = new Worker(this.workerFile, { execArgv: [] });
    const slot: Slot = { worker, current: null };
    worker.unref();
    worker.on("message", (reply: Reply) => this.onReply(slot, reply));
    worker.on("error", (e) => this.retire(slot, new Error(`synthesis worker crashed: ${e.message}`)));
    worker.on("exit", (code) => this.retire(slot, new Error(`synthesis worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  private onReply(slot: Slot, reply: Reply): void {
    const current = slot.current;
    if (!current || current.id !== reply.id) return;
    slot.current = null;
    slot.worker.unref();
    if (reply.ok) current.resolve(reply.bodies.map(toBuffer));
    else current.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    this.dispatch();
  }

  /** A dead worker fails its own job only; queued jobs go to a replacement. */
  private retire(slot: Slot, error: Error): void {
    const at = this.slots.indexOf(slot);
    if (at === -1) return;
    this.slots.splice(at, 1);
    slot.current?.reject(error);
    slot.current = null;
    this.dispatch();
  }
}

function toBuffer(b: Uint8Array): Buffer {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}
