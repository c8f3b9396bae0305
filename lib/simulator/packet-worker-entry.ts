// worker_threads entry of the synthesis pool (synthesis-pool.ts). Not loaded as TypeScript: build-packet-worker.mjs
// bundles it into packet-worker.generated.mjs, plain JavaScript that runs on plain Node under `next start` (whose
// server code is bundled by Next and cannot start a worker from its own chunks), under tsx and in the CLI alike.
import { parentPort } from "node:worker_threads";
import { buildPacketBodies, type PacketJob } from "./build-packet-bodies";

const port = parentPort;
if (!port) throw new Error("packet-worker must be started as a worker thread");

port.on("message", async ({ id, job }: { id: number; job: PacketJob }) => {
  try {
    const bodies = await buildPacketBodies(job);
    port.postMessage(
      { id, ok: true, bodies },
      bodies.map((b) => b.buffer as ArrayBuffer),
    );
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id, ok: false, error: { name: e.name, message: e.message } });
  }
});
