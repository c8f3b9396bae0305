import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";

export interface OutboxBacklog {
  pending: number;
  sending: number;
  uncertain: number;
  failed: number;
  sent: number;
  oldestPendingAt: string | null;
}

/** Counts per state for /api/health and the integration page; UNCERTAIN and FAILED need a person. */
export async function countOutbox(prisma: PrismaClient): Promise<OutboxBacklog> {
  const [groups, oldest] = await Promise.all([
    prisma.outboxMessage.groupBy({ by: ["state"], _count: { _all: true } }),
    prisma.outboxMessage.findFirst({ where: { state: "PENDING" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  const n = (s: string) => groups.find((g) => g.state === s)?._count._all ?? 0;
  return {
    pending: n("PENDING"),
    sending: n("SENDING"),
    uncertain: n("UNCERTAIN"),
    failed: n("FAILED"),
    sent: n("SENT"),
    oldestPendingAt: oldest?.createdAt.toISOString() ?? null,
  };
}
