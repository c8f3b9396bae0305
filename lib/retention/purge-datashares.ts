import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { getCaseImageCache } from "@/lib/biometrics/case-image-cache";
import { type CaseRetentionKind, caseRetentionWhere, HOLDS_DATA } from "./case-retention";

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface PurgeResult {
  cases: number;
  downloads: number;
}

/**
 * Drops the stored datashare bodies and URLs of one kind of case (case-retention.ts) past its period. The case,
 * its decisions, its audit trail and each body's SHA-256 stay, so what was reviewed can still be proved; only
 * the personal data goes, and the case view then says it was purged by retention. One transaction per batch,
 * each case's purge audited in it with counts only. Safe with several instances: the updates are conditional
 * (a row already purged by another instance counts 0 and is not audited again).
 */
export async function purgeDatashares(
  prisma: PrismaClient,
  opts: { retentionDays: number; now?: Date; batchSize?: number; kind?: CaseRetentionKind },
): Promise<PurgeResult> {
  if (!(opts.retentionDays > 0)) throw new Error("retentionDays must be above 0");
  const kind = opts.kind ?? "answered";
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - opts.retentionDays * DAY_MS);
  const batchSize = opts.batchSize ?? 200;
  const total: PurgeResult = { cases: 0, downloads: 0 };
  for (;;) {
    const purged: string[] = [];
    const done = await prisma.$transaction(async (tx) => {
      const cases = await tx.case.findMany({
        where: { ...caseRetentionWhere(kind, cutoff), downloads: { some: HOLDS_DATA } },
        select: { id: true },
        take: batchSize,
      });
      for (const c of cases) {
        const { count } = await tx.datashareDownload.updateMany({
          where: { caseId: c.id, ...HOLDS_DATA },
          data: { body: null, url: null, purgedAt: now },
        });
        if (count === 0) continue;
        await recordAudit(tx, {
          actor: null,
          action: "case.datashares_purged",
          targetType: "case",
          targetId: c.id,
          details: { downloads: count, retention: kind, retentionDays: opts.retentionDays },
        });
        total.downloads += count;
        purged.push(c.id);
      }
      return cases.length < batchSize;
    });
    total.cases += purged.length;
    // What this process may still hold decrypted of them leaves memory too.
    for (const id of purged) getCaseImageCache().dropCase(id);
    if (done) break;
  }
  return total;
}
