// Worker file of decode-pool.ts (a lib/process/worker-pool.ts pool). Runs render jobs off the request thread.
// Plain JavaScript importing only .mjs files and node_modules packages, so it runs unchanged under tsx (tests)
// and next start (where server code is bundled but this file is loaded from disk). WSQ comes from
// wsq-decoder.generated.mjs, the plain-JS build of lib/biometrics/wsq, whose URL the pool gives in workerData only
// when that build is present and current.
import { workerData } from "node:worker_threads";
import { serveWorkerJobs } from "../../process/serve-worker-jobs.mjs";
import { runRenderJob } from "./render-job.mjs";

const wsqBundleUrl = workerData?.wsqBundleUrl ?? null;

let wsqModule;
const decoders = {
  wsq: async () => {
    if (!wsqBundleUrl) throw new Error("this decode worker was started without the WSQ bundle");
    // Imported on first use: workers that never see WSQ skip loading it.
    wsqModule ??= import(wsqBundleUrl).catch((error) => {
      wsqModule = undefined;
      throw error;
    });
    return (await wsqModule).decodeWsq;
  },
};

serveWorkerJobs(
  (job) => runRenderJob(job, decoders),
  (result) => result.images.map((image) => toTransferable(image)),
);

/**
 * Gives each encoded image its own ArrayBuffer so it can be transferred
 * (moved, not copied); sharp's output may share a pooled buffer.
 */
function toTransferable(image) {
  const own = new Uint8Array(image.data.byteLength);
  own.set(image.data);
  image.data = own;
  return own.buffer;
}
