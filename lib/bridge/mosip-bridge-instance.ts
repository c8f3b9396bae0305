import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { MosipEnv } from "@/lib/env/env-schema";
import { startMosipBridge, type MosipBridge } from "./start-mosip-bridge";
import { processSlot } from "@/lib/process/process-slot";
import type { Log } from "@/lib/log/logger";

// One bridge per process; /api/health reads its status from here.
const bridgeSlot = processSlot<MosipBridge>("mosipBridge");

export function startMosipBridgeOnce(prisma: PrismaClient, env: MosipEnv, log: Log): MosipBridge {
  return bridgeSlot.getOrCreate(() => startMosipBridge(prisma, env, { log }));
}

export function getMosipBridge(): MosipBridge | undefined {
  return bridgeSlot.get();
}
