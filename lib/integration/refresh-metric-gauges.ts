import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { CaseState, OutboxState } from "@/lib/db/generated/enums";
import { metrics } from "@/lib/metrics/metrics";

/**
 * Cases and outbox rows by state, counted when Prometheus scrapes (two indexed GROUP BYs): the database is the
 * one truth every instance shares, so each instance reports the same cluster-wide figures. Every state is
 * reported, 0 included, so that an alert on a state sees it appear.
 */
export async function refreshMetricGauges(prisma: PrismaClient): Promise<void> {
  const [cases, outbox] = await Promise.all([
    prisma.case.groupBy({ by: ["state"], _count: { _all: true } }),
    prisma.outboxMessage.groupBy({ by: ["state"], _count: { _all: true } }),
  ]);
  const m = metrics();
  for (const state of Object.values(CaseState)) m.casesByState.set({ state }, cases.find((g) => g.state === state)?._count._all ?? 0);
  for (const state of Object.values(OutboxState)) m.outboxByState.set({ state }, outbox.find((g) => g.state === state)?._count._all ?? 0);
}
