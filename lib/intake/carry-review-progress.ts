import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { isOneOf, REVIEW_STATES } from "@/lib/cases/case-lifecycle";

// Work is not lost to a re-send. MOSIP re-sends a request it has not heard back on (its reprocess interval) under
// a new requestId, and intake supersedes the open case. When the new request names the same applicant (it
// superseded the case by referenceId) and the same gallery (the same set of candidate referenceIds), the
// review already done still holds: assignments, recorded decisions and their comments carry over to the new
// case, with everything four eyes reads (decisions by their authors, exposures) and the reviewers' first views
// (their dwell time). A changed gallery starts afresh and says why, in ids and counts.
// Decision 0021; the case enters the review it had reached once its new data is downloaded (resumedState).

/** Review progress worth keeping: the case was in review or at a conflict. */
const PROGRESS_STATES = [...REVIEW_STATES, "CONFLICT"] as const;

export type ResendProgress =
  | {
      outcome: "carried";
      fromCaseId: string;
      decisions: string[];
      primaryAssigneeId: string | null;
      secondaryAssigneeId: string | null;
      addedCandidates: 0;
      removedCandidates: 0;
    }
  | {
      outcome: "restarted";
      fromCaseId: string;
      reason: "gallery changed";
      addedCandidates: number;
      removedCandidates: number;
      /** Candidate row ids (never the referenceIds, which are RIDs): added ones of the new case, removed ones of the old. */
      addedCandidateIds: string[];
      removedCandidateIds: string[];
    };

/**
 * Called by intake in the transaction that supersedes `fromCaseId` with `toCaseId`, after both are written.
 * Returns what was done (also stored on the new case and audited there), or null when the old case had no
 * review in progress.
 */
export async function carryReviewProgress(
  tx: Prisma.TransactionClient,
  fromCaseId: string,
  toCaseId: string,
  /** The state the old case was in before it was superseded. */
  fromState: string,
): Promise<ResendProgress | null> {
  if (!isOneOf(PROGRESS_STATES, fromState)) return null;
  const [from, to] = await Promise.all([
    tx.case.findUniqueOrThrow({
      where: { id: fromCaseId },
      select: {
        primaryAssigneeId: true,
        primaryAssignedAt: true,
        secondaryAssigneeId: true,
        secondaryAssignedAt: true,
        candidates: { select: { id: true, referenceId: true } },
        decisions: { where: { level: { in: ["PRIMARY", "SECONDARY"] } }, include: { flags: true } },
        exposures: { select: { userId: true, at: true } },
        reviewViews: { select: { userId: true, level: true, at: true, modalities: true } },
      },
    }),
    tx.case.findUniqueOrThrow({ where: { id: toCaseId }, select: { candidates: { select: { id: true, referenceId: true } } } }),
  ]);
  const before = new Set(from.candidates.map((c) => c.referenceId));
  const after = new Set(to.candidates.map((c) => c.referenceId));
  const added = to.candidates.filter((c) => !before.has(c.referenceId));
  const removed = from.candidates.filter((c) => !after.has(c.referenceId));

  // Four eyes either way: whoever saw or gave a verdict on this person's earlier request cannot review the new
  // one blind, whether or not the gallery changed.
  const exposed = new Map(from.exposures.map((e) => [e.userId, e.at]));
  for (const d of from.decisions) if (!exposed.has(d.userId)) exposed.set(d.userId, d.createdAt);

  let progress: ResendProgress;
  if (added.length || removed.length) {
    progress = {
      outcome: "restarted",
      fromCaseId,
      reason: "gallery changed",
      addedCandidates: added.length,
      removedCandidates: removed.length,
      addedCandidateIds: added.map((c) => c.id),
      removedCandidateIds: removed.map((c) => c.id),
    };
    // Exposures only: a decision's author did see a verdict, but gave it on another gallery.
    await tx.caseExposure.createMany({
      data: [...exposed].map(([userId, at]) => ({ caseId: toCaseId, userId, at })),
      skipDuplicates: true,
    });
  } else {
    progress = {
      outcome: "carried",
      fromCaseId,
      decisions: from.decisions.map((d) => d.level),
      primaryAssigneeId: from.primaryAssigneeId,
      secondaryAssigneeId: from.secondaryAssigneeId,
      addedCandidates: 0,
      removedCandidates: 0,
    };
    await tx.case.update({
      where: { id: toCaseId },
      data: {
        primaryAssigneeId: from.primaryAssigneeId,
        primaryAssignedAt: from.primaryAssignedAt,
        secondaryAssigneeId: from.secondaryAssigneeId,
        secondaryAssignedAt: from.secondaryAssignedAt,
      },
    });
    for (const d of from.decisions) {
      // The copy keeps its author and time (four eyes and the reviewers' figures read them) and names the
      // original, so the work limits do not count the same decision twice.
      const copy = await tx.decision.create({
        data: {
          caseId: toCaseId,
          level: d.level,
          userId: d.userId,
          body: d.body as Prisma.InputJsonValue,
          comment: d.comment,
          createdAt: d.createdAt,
          carriedFromId: d.id,
        },
        select: { id: true },
      });
      // A flag raised on the decision (a confirmed hasty one) still sends the case to sample review.
      if (d.flags.length)
        await tx.qualityFlag.createMany({
          data: d.flags.map((f) => ({ caseId: toCaseId, decisionId: copy.id, kind: f.kind, detail: f.detail, createdAt: f.createdAt })),
        });
    }
    await tx.caseExposure.createMany({
      data: from.exposures.map((e) => ({ caseId: toCaseId, userId: e.userId, at: e.at })),
      skipDuplicates: true,
    });
    // The dwell time already spent on the same gallery counts on the new case.
    await tx.reviewView.createMany({ data: from.reviewViews.map((v) => ({ ...v, caseId: toCaseId })), skipDuplicates: true });
  }
  await tx.case.update({ where: { id: toCaseId }, data: { resendProgress: progress } });
  await recordAudit(tx, {
    actor: null,
    action: progress.outcome === "carried" ? "case.progressCarried" : "case.progressRestarted",
    targetType: "case",
    targetId: toCaseId,
    details: progress,
  });
  return progress;
}
