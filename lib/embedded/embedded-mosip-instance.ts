import "server-only";
import type { Log } from "@/lib/log/logger";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { AppEnv } from "@/lib/env/env-schema";
import { prepareEmbeddedPackets, startEmbeddedMosip, type EmbeddedMosip, type EmbeddedPackets } from "./embedded-mosip";
import { processSlot } from "@/lib/process/process-slot";
import { MOVING_STATES } from "@/lib/cases/case-lifecycle";

const embeddedSlot = processSlot<EmbeddedMosip>("embeddedMosip");
const packetsSlot = processSlot<Promise<EmbeddedPackets>>("embeddedPackets");

/**
 * Starts the simulator's synthesis (workers, datashare server, packet stock) before the database is open, so the
 * first packets are being built while boot migrates; startEmbeddedMosipOnce then uses them.
 */
export function prepareEmbeddedPacketsOnce(env: AppEnv, log: Log): Promise<EmbeddedPackets> {
  const prepared = packetsSlot.getOrCreate(() => prepareEmbeddedPackets(env, log));
  // Awaited (and reported) by the simulator itself; a failure here must not be an unhandled rejection.
  prepared.catch(() => {});
  return prepared;
}

export function startEmbeddedMosipOnce(prisma: PrismaClient, env: AppEnv, log: Log): EmbeddedMosip {
  const held = embeddedSlot.get();
  if (held) return held;
  const m = startEmbeddedMosip(prisma, env, log, prepareEmbeddedPacketsOnce(env, log));
  embeddedSlot.set(m);
  // The first batch is fed in the background so the web server is up at once; only while few cases are open,
  // so restarting a demo does not pile up cases.
  void (async () => {
    const open = await prisma.case.count({ where: { state: { in: MOVING_STATES } } });
    if (open === 0) await m.addRequests({ adjudications: env.simulator.adjudications, verifications: env.simulator.verifications });
  })().catch((e) => log(`[simulator] could not feed requests: ${(e as Error).message}`));
  return m;
}

export function getEmbeddedMosip(): EmbeddedMosip | undefined {
  return embeddedSlot.get();
}
