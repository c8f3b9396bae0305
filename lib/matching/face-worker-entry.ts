// Worker file of the face pool (lib/cases/face-work-pool.ts). Not loaded as TypeScript:
// lib/process/build-worker-bundles.mjs bundles it, with face-api's JavaScript and TensorFlow.js, into
// face-worker.generated.mjs; the model weights and the .wasm stay in node_modules and are read from disk when the
// worker starts. Descriptors made here go back to the pool's process and stay in its memory; nothing is written.
import { serveWorkerJobs } from "@/lib/process/serve-worker-jobs.mjs";
import { describeFaceRecord, type FaceRecordDescription } from "./describe-face-record";
import { loadFaceModel } from "./face-model";

export type FaceJob = { op: "describe"; iso: Uint8Array } | { op: "warm" };
export type FaceJobResult = FaceRecordDescription | { warm: true };

serveWorkerJobs(
  async (job: FaceJob): Promise<FaceJobResult> => {
    if (job.op === "warm") {
      await loadFaceModel();
      return { warm: true };
    }
    return describeFaceRecord(job.iso);
  },
  (r) => ("descriptor" in r ? [r.descriptor.buffer as ArrayBuffer] : []),
);
