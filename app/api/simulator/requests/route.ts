import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { DomainError } from "@/lib/errors/domain-error";
import { getEmbeddedMosip } from "@/lib/embedded/embedded-mosip-instance";
import { recordAudit } from "@/lib/audit/record-audit";

export const dynamic = "force-dynamic";

/** Demo and test control of the built-in MOSIP simulator; absent when a real broker is configured. */
export const POST = apiRoute(operations.addSimulatorRequests, async ({ db, user, body }) => {
  const sim = getEmbeddedMosip();
  if (!sim) throw new DomainError("conflict", "the MOSIP simulator is not running: this installation is connected to a real broker");
  const created = await sim.addRequests(body);
  await recordAudit(db.prisma, { actor: user, action: "simulator.requests", details: { ...body, created } });
  return json({ created }, 201);
});

export const GET = apiRoute(operations.simulatorStatus, async () => {
  const sim = getEmbeddedMosip();
  return json(sim ? { running: true, ...sim.summary() } : { running: false });
});
