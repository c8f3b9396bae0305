import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PurgeResult {
  cases: number;
  downloads: number;
}

/**
 * Drops the stored datashare bodies of cases whose answer MOSIP confirmed (ANSWERED: sent and receipted)
 * more than `retentionDays` ago. The case, its decisions, its audit trail and each body's SHA-256 stay, so
 * what was reviewed can still be proved; only the personal data goes. One transaction per batch of cases,
 * each purge audited in it.
 */
export async function purgeDatashares(
  prisma: PrismaClient,
  opts: { retentionDays: number; now?: Date; batchSize?: number },
): Promise<PurgeResult> {
  if (!(opts.retentionDays > 0)) throw new Error("retentionDays must be above 0");
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - opts.retentionDays * DAY_MS);
  const batchSize = opts.batchSize ?? 200;
  const total: PurgeResult = { cases: 0, downloads: 0 };
  for (;;) {
    const done = await prisma.$transaction(async (tx) => {
      const cases = await tx.case.findMany({
        // Only after the anonymous profile is taken from the data: purging first would leave it empty.
        where: { state: "ANSWERED", answeredAt: { lte: cutoff }, profiledAt: { not: null }, downloads: { some: { body: { not: null } } } },
        select: { id: true },
        take: batchSize,
      });
      for (const c of cases) {
        const { count } = await tx.datashareDownload.updateMany({
          where: { caseId: c.id, body: { not: null } },
          data: { body: null, purgedAt: now },
        });
        await recordAudit(tx, {
          actor: null,
          action: "case.datashares_purged",
          targetType: "case",
          targetId: c.id,
          details: { downloads: count, retentionDays: opts.retentionDays },
        });
        total.downloads += count;
      }
      total.cases += cases.length;
      return cases.length < batchSize;
    });
    if (done) return total;
  }
}
