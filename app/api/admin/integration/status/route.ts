import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { brokerHealth } from "@/lib/boot/check-health";
import { countOutbox } from "@/lib/outbox/count-outbox";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.integrationStatus, async ({ db }) => {
  const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const [outbox, inbox, dataUnavailable] = await Promise.all([
    countOutbox(db.prisma),
    db.prisma.inboxMessage.groupBy({ by: ["outcome"], where: { receivedAt: { gte: since } }, _count: { _all: true } }),
    db.prisma.case.count({ where: { state: "DATA_UNAVAILABLE" } }),
  ]);
  const n = (o: string) => inbox.find((g) => g.outcome === o)?._count._all ?? 0;
  return json({
    broker: brokerHealth(),
    outbox,
    inboxLast24h: { created: n("CREATED"), duplicate: n("DUPLICATE"), rejected: n("REJECTED") },
    dataUnavailable,
  });
});
