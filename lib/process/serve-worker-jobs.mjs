// The worker side of worker-pool.ts: answers each `{ id, job }` with `{ id, ok: true, result }` or
// `{ id, ok: false, error }`. Plain JavaScript, so that a worker loaded from disk on plain Node (decode-worker.mjs)
// can import it as well as a bundled one; next.config.ts ships it with the workers.
import { parentPort } from "node:worker_threads";

/**
 * Runs `handle(job)` for every job the pool sends. `transferOf(result)` lists the ArrayBuffers to move, not copy,
 * back to the pool; each must belong to the result alone (a pooled Buffer's backing store would take its
 * neighbours with it).
 */
export function serveWorkerJobs(handle, transferOf = () => []) {
  const port = parentPort;
  if (!port) throw new Error("a pool worker must be started as a worker thread (lib/process/worker-pool.ts)");
  port.on("message", async ({ id, job }) => {
    try {
      const result = await handle(job);
      port.postMessage({ id, ok: true, result }, transferOf(result));
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      const code = typeof e.code === "string" ? e.code : undefined;
      port.postMessage({ id, ok: false, error: { name: e.name, message: e.message, code } });
    }
  });
}
