import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { DAY_MS } from "./purge-datashares";

/**
 * Drops the raw bodies of request messages (they name RIDs and datashare URLs) past their period: "inbox" for
 * the accepted ones (CREATED, DUPLICATE; the case rows hold what was parsed from them), "intakeErrors" for the
 * REJECTED ones shown to admins. The row, its size, outcome, request id and error stay. Batches, each audited
 * with its count; conditional updates, so several instances purge each body once.
 */
export async function purgeInboxBodies(
  prisma: PrismaClient,
  opts: { kind: "inbox" | "intakeErrors"; retentionDays: number; now?: Date; batchSize?: number },
): Promise<number> {
  if (!(opts.retentionDays > 0)) throw new Error("retentionDays must be above 0");
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - opts.retentionDays * DAY_MS);
  const batchSize = opts.batchSize ?? 500;
  const where = {
    body: { not: null },
    receivedAt: { lte: cutoff },
    outcome: opts.kind === "intakeErrors" ? ("REJECTED" as const) : { in: ["CREATED" as const, "DUPLICATE" as const] },
  };
  let total = 0;
  for (;;) {
    const ids = (await prisma.inboxMessage.findMany({ where, select: { id: true }, take: batchSize })).map((r) => r.id);
    if (ids.length === 0) return total;
    const count = await prisma.$transaction(async (tx) => {
      const r = await tx.inboxMessage.updateMany({ where: { id: { in: ids }, body: { not: null } }, data: { body: null } });
      if (r.count > 0)
        await recordAudit(tx, {
          actor: null,
          action: "retention.inbox_bodies_purged",
          targetType: "inbox",
          details: { kind: opts.kind, messages: r.count, retentionDays: opts.retentionDays },
        });
      return r.count;
    });
    total += count;
    if (ids.length < batchSize) return total;
  }
}
