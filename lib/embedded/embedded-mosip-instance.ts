import "server-only";
import type { Log } from "@/lib/log/logger";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { AppEnv } from "@/lib/env/env-schema";
import { startEmbeddedMosip, type EmbeddedMosip } from "./embedded-mosip";
import { processSlot } from "@/lib/process/process-slot";
import { MOVING_STATES } from "@/lib/cases/case-lifecycle";

const embeddedSlot = processSlot<EmbeddedMosip>("embeddedMosip");

export function startEmbeddedMosipOnce(prisma: PrismaClient, env: AppEnv, log: Log): EmbeddedMosip {
  const held = embeddedSlot.get();
  if (held) return held;
  const m = startEmbeddedMosip(prisma, env, log);
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
