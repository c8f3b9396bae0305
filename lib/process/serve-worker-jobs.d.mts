import type { Transferable } from "node:worker_threads";

/** Answers the jobs of a worker-pool.ts pool with `handle`; `transferOf` lists ArrayBuffers to move back. */
export function serveWorkerJobs<Job, Result>(
  handle: (job: Job) => Result | Promise<Result>,
  transferOf?: (result: Result) => Transferable[],
): void;
