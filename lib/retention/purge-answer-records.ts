import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { DAY_MS } from "./purge-datashares";

export interface AnswerRecordPurge {
  cases: number;
  comments: number;
  /** Supervisors' sample-review notes on those cases. */
  reviewNotes: number;
  outboxBodies: number;
}

/**
 * Once an answer is past MOSIP's confirmation window (MAS_ANSWER_RECORD_RETENTION_DAYS after the broker
 * confirmed it), drops the reviewers' free-text comments (column and decision body; and the supervisor's sample-review note) and the sent response body (it names candidate RIDs and
 * repeats the comments). Verdicts, who decided, when, and the outbox row's state stay. Only after the anonymous
 * profile, which reads the response's returnValue, was taken. Batches audited with counts; conditional updates.
 */
export async function purgeAnswerRecords(
  prisma: PrismaClient,
  opts: { retentionDays: number; now?: Date; batchSize?: number },
): Promise<AnswerRecordPurge> {
  if (!(opts.retentionDays > 0)) throw new Error("retentionDays must be above 0");
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - opts.retentionDays * DAY_MS);
  const batchSize = opts.batchSize ?? 200;
  const total: AnswerRecordPurge = { cases: 0, comments: 0, reviewNotes: 0, outboxBodies: 0 };
  for (;;) {
    const ids = (
      await prisma.case.findMany({
        where: {
          state: "ANSWERED",
          answeredAt: { lte: cutoff },
          profiledAt: { not: null },
          OR: [
            { outbox: { state: "SENT", body: { not: null } } },
            { decisions: { some: { comment: { not: null } } } },
            { sampleReview: { note: { not: null } } },
          ],
        },
        select: { id: true },
        take: batchSize,
      })
    ).map((c) => c.id);
    if (ids.length === 0) return total;
    await prisma.$transaction(async (tx) => {
      const comments = await tx.decision.updateMany({ where: { caseId: { in: ids }, comment: { not: null } }, data: { comment: null } });
      // The decision's body is its input as given, comment included: the comment goes from there too.
      await tx.$executeRaw`UPDATE "Decision" SET "body" = "body" - 'comment' WHERE "caseId" = ANY(${ids}::uuid[]) AND jsonb_exists("body", 'comment')`;
      // The supervisor's sample-review note is a comment on the same decisions.
      const notes = await tx.sampleReview.updateMany({ where: { caseId: { in: ids }, note: { not: null } }, data: { note: null } });
      const bodies = await tx.outboxMessage.updateMany({
        where: { caseId: { in: ids }, state: "SENT", body: { not: null } },
        data: { body: null },
      });
      if (comments.count + notes.count + bodies.count === 0) return;
      await recordAudit(tx, {
        actor: null,
        action: "retention.answer_records_purged",
        targetType: "case",
        details: {
          cases: ids.length,
          comments: comments.count,
          reviewNotes: notes.count,
          outboxBodies: bodies.count,
          retentionDays: opts.retentionDays,
        },
      });
      total.cases += ids.length;
      total.comments += comments.count;
      total.reviewNotes += notes.count;
      total.outboxBodies += bodies.count;
    });
    if (ids.length < batchSize) return total;
  }
}
