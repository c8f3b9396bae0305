import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { MosipEnv } from "@/lib/env/env-schema";
import { startMosipBridge, type MosipBridge } from "./start-mosip-bridge";

// One bridge per process, kept on globalThis because Next.js bundles instrumentation and route
// handlers separately (same reason as lib/db/database.ts). /api/health reads its status from here.
const KEY = Symbol.for("mas.mosipBridge");
type G = typeof globalThis & { [KEY]?: MosipBridge };

export function startMosipBridgeOnce(prisma: PrismaClient, env: MosipEnv, log: (line: string) => void): MosipBridge {
  const g = globalThis as G;
  return (g[KEY] ??= startMosipBridge(prisma, env, { log }));
}

export function getMosipBridge(): MosipBridge | undefined {
  return (globalThis as G)[KEY];
}
