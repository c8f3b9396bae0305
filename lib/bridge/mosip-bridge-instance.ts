import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { MosipEnv } from "@/lib/env/env-schema";
import { startMosipBridge, startMosipDownloads, type MosipBridge } from "./start-mosip-bridge";
import type { DownloadWorker } from "@/lib/datashare/run-download-worker";
import { processSlot } from "@/lib/process/process-slot";
import type { Log } from "@/lib/log/logger";

// One bridge per process; /api/health reads its status from here.
const bridgeSlot = processSlot<MosipBridge>("mosipBridge");
// The download worker of a worker process without the intake role (with it, the bridge runs its own).
const downloadsSlot = processSlot<DownloadWorker>("mosipDownloads");

export function startMosipBridgeOnce(prisma: PrismaClient, env: MosipEnv, log: Log, opts: { runDownloads?: boolean } = {}): MosipBridge {
  return bridgeSlot.getOrCreate(() => startMosipBridge(prisma, env, { log, runDownloads: opts.runDownloads }));
}

export function startMosipDownloadsOnce(prisma: PrismaClient, env: MosipEnv, log: Log): DownloadWorker {
  return downloadsSlot.getOrCreate(() => startMosipDownloads(prisma, env, { log }));
}

export function getMosipBridge(): MosipBridge | undefined {
  return bridgeSlot.get();
}

/** The download worker of a worker process without the intake role, if this process runs one. */
export function getMosipDownloads(): DownloadWorker | undefined {
  return downloadsSlot.get();
}
