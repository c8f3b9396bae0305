// worker_threads entry for decode-pool.ts. Runs render jobs off the request
// thread. Plain JavaScript importing only sibling .mjs files and
// node_modules packages, so it runs unchanged under tsx (tests) and next
// start (where server code is bundled but this file is loaded from disk).
// WSQ comes from wsq-decoder.generated.mjs, the plain-JS build of
// lib/biometrics/wsq; the pool sends WSQ jobs here only when that build is
// present and current.
import { parentPort } from "node:worker_threads";
import { runRenderJob } from "./render-job.mjs";
import { WSQ_BUNDLE_FILE } from "./wsq-decoder-bundle.mjs";

if (!parentPort) throw new Error("decode-worker.mjs must be started as a worker thread");
const port = parentPort;

let wsqModule;
const decoders = {
  wsq: async () => {
    // Imported on first use: workers that never see WSQ skip loading it.
    wsqModule ??= import(new URL(`./${WSQ_BUNDLE_FILE}`, import.meta.url).href).catch((error) => {
      wsqModule = undefined;
      throw error;
    });
    return (await wsqModule).decodeWsq;
  },
};

port.on("message", async ({ id, job }) => {
  try {
    const result = await runRenderJob(job, decoders);
    const transfer = result.images.map((image) => toTransferable(image));
    port.postMessage({ id, ok: true, result }, transfer);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id, ok: false, error: { name: e.name, message: e.message } });
  }
});

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
