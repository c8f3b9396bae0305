import "server-only";
import { availableParallelism } from "node:os";
import { getRuntimeDataKey } from "@/lib/crypto/runtime-data-key";
import { portableKeys } from "@/lib/crypto/key-ring";
import { getRuntimeKeyRing } from "@/lib/crypto/runtime-key-ring";
import type { AppEnv } from "@/lib/env/env-schema";
import { logFor } from "@/lib/log/logger";
import { findProjectFile, projectRootOf } from "@/lib/process/find-project-file";
import { processSlot } from "@/lib/process/process-slot";
import { bundleStatus, isUsableBundle, type BundleStatus } from "@/lib/process/worker-bundle.mjs";
import { WorkerPool, WorkerPoolError } from "@/lib/process/worker-pool";
import { openSubject, type StoredBody, type SubjectKeys, type SubjectLoad } from "./open-subject";
import { reviveSubjectLoad } from "./subject-transfer";
import { subjectKeys, subjectWorkerData, type PortableSubjectKeys } from "./subject-worker-data";

/**
 * Decryption and parsing of stored datashares (open-subject.ts) on a lib/process worker pool, off the thread that
 * serves pages: a full registration is several MB of base64, JSON and XML. The worker is subject-worker.generated.mjs,
 * built by lib/process/build-worker-bundles.mjs; the partner key ring and the local data key go to each worker once,
 * when it starts ([decision 0016](../../docs/decisions/0016-one-worker-pool.md)). In production a missing or stale
 * bundle stops the start (lib/boot/boot-app.ts); elsewhere the work falls back to the calling thread with a warning.
 */

export const SUBJECT_BUNDLE = "lib/cases/subject-worker.generated.mjs";

export interface SubjectOpener {
  /** True when subjects are opened in worker threads. */
  readonly inThreads: boolean;
  readonly bundle: BundleStatus;
  /** `background`: behind every job someone waits for (prefetch, lib/cases/prefetch-cases.ts). */
  open(stored: StoredBody, options?: { background?: boolean }): Promise<SubjectLoad>;
  close(): Promise<void>;
}

export interface SubjectOpenerOptions {
  keys: PortableSubjectKeys;
  production: boolean;
  /** Worker threads; default min(2, CPUs). */
  size?: number;
  /** Heap of each worker in MiB. */
  workerMemoryMb: number;
  /** Path of the bundle; default found under the project root. */
  bundlePath?: string | null;
}

export class SubjectBundleError extends Error {
  override name = "SubjectBundleError";
}

export function createSubjectOpener(options: SubjectOpenerOptions): SubjectOpener {
  const file = options.bundlePath === undefined ? findProjectFile(SUBJECT_BUNDLE) : options.bundlePath;
  const bundle: BundleStatus = file ? bundleStatus(file, projectRootOf(file, SUBJECT_BUNDLE)) : "missing";
  if (!file || !isUsableBundle(bundle)) {
    const fix = "Build it with `node lib/process/build-worker-bundles.mjs` (npm start, npm test and npm run build:artifact do)";
    if (options.production) {
      throw new SubjectBundleError(
        `the datashare worker bundle ${SUBJECT_BUNDLE} is ${bundle}: in production datashares are decrypted and parsed only in worker threads. ${fix}.`,
      );
    }
    logFor("cases").warn(`[cases] datashare worker bundle is ${bundle}; datashares are decrypted on the request thread. ${fix}.`);
    return {
      inThreads: false,
      bundle,
      open: async (stored) => openSubject(stored, subjectKeys(options.keys)),
      close: async () => {},
    };
  }
  const pool = new WorkerPool<StoredBody, SubjectLoad>({
    name: "datashare",
    workerPath: file,
    size: options.size ?? Math.min(2, availableParallelism()),
    workerMemoryMb: options.workerMemoryMb,
    workerData: subjectWorkerData(options.keys),
    transferJob: (job) => [job.body.buffer as ArrayBuffer],
    reviveResult: reviveSubjectLoad,
  });
  return {
    inThreads: true,
    bundle,
    async open(stored, options = {}) {
      // A copy of its own to move: the body may be a view into a larger buffer the caller still holds.
      const job: StoredBody = { ...stored, body: new Uint8Array(stored.body) };
      try {
        return await pool.run(job, { background: options.background === true });
      } catch (e) {
        // A datashare that makes its worker run out of heap or time is unreadable, like a corrupt one; the pool
        // being closed or full is not about this datashare and is thrown (nothing is cached).
        if (e instanceof WorkerPoolError && (e.code === "OUT_OF_MEMORY" || e.code === "TIMEOUT" || e.code === "CRASHED")) {
          return { ok: false, reason: `the datashare could not be read: ${e.message}` };
        }
        throw e;
      }
    },
    close: () => pool.close(),
  };
}

/** A parse worker's heap: room for the largest datashare accepted as text, its JSON and its XML tree. */
export function parseWorkerMemoryMb(maxBodyBytes: number): number {
  return Math.max(256, 16 * Math.ceil(maxBodyBytes / (1024 * 1024)));
}

/** The keys of this process, as the workers receive them. */
export function runtimeSubjectKeys(env: AppEnv): PortableSubjectKeys {
  const ring = getRuntimeKeyRing(env);
  let dataKey: SubjectKeys["dataKey"];
  try {
    dataKey = { ok: true, key: getRuntimeDataKey(env) };
  } catch (e) {
    dataKey = { ok: false, reason: (e as Error).message };
  }
  return { partnerKeys: ring ? portableKeys(ring) : null, dataKey };
}

const openerSlot = processSlot<SubjectOpener>("cases.subjectOpener");

/** The process's opener, made on first use; boot-app.ts makes it at start so a missing bundle stops the start. */
export function getSubjectOpener(env: AppEnv): SubjectOpener {
  return openerSlot.getOrCreate(() =>
    createSubjectOpener({
      keys: runtimeSubjectKeys(env),
      production: env.production,
      size: env.parseWorkers,
      workerMemoryMb: parseWorkerMemoryMb(env.mosip.datashare.maxBodyBytes),
    }),
  );
}

/** Stops the process's opener (tests, graceful stop). */
export async function closeSubjectOpener(): Promise<void> {
  const opener = openerSlot.get();
  openerSlot.clear();
  await opener?.close();
}
