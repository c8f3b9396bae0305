// Worker file of the synthesis pool (synthesis-pool.ts). Not loaded as TypeScript: lib/process/build-worker-bundles.mjs
// bundles it into packet-worker.generated.mjs, plain JavaScript that runs on plain Node under `next start` (whose
// server code is bundled by Next and cannot start a worker from its own chunks), under tsx and in the CLI alike.
import { serveWorkerJobs } from "@/lib/process/serve-worker-jobs.mjs";
import { buildPacket, type PacketJob, type PacketResult } from "./build-packet-bodies";

serveWorkerJobs(
  (job: PacketJob) => buildPacket(job),
  (result: PacketResult) => result.bodies.map((b) => b.buffer as ArrayBuffer),
);
