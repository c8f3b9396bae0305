import "server-only";
import { metrics } from "@/lib/metrics/metrics";
import type { Prisma } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { DATA_STATES, isOneOf, resumedState } from "./case-lifecycle";
import { resetFingerScoring } from "./finger-scoring-claims";

type SubjectStatus = "PENDING" | "AVAILABLE" | "UNAVAILABLE" | "FAILED";

/**
 * Derives each subject's data status and the case state from its downloads. Call inside the
 * transaction that changed a download, after locking the case row (lockCase), so that two downloads
 * finishing together cannot both miss the moment the case becomes READY.
 */
export async function settleCaseData(tx: Prisma.TransactionClient, caseId: string): Promise<void> {
  const c = await tx.case.findUnique({
    where: { id: caseId },
    select: {
      state: true,
      requestTime: true,
      receivedAt: true,
      dataErrorCode: true,
      applicantDataStatus: true,
      primaryAssigneeId: true,
      decisions: { select: { level: true } },
      candidates: { select: { id: true, dataStatus: true } },
      downloads: { select: { candidateId: true, state: true, lastErrorCode: true }, orderBy: [{ updatedAt: "asc" }] },
    },
  });
  if (!c) return;

  const bySubject = new Map<string | null, { state: string; lastErrorCode: string | null }[]>();
  for (const d of c.downloads) {
    const list = bySubject.get(d.candidateId) ?? [];
    list.push(d);
    bySubject.set(d.candidateId, list);
  }
  const statusOf = (subject: string | null): SubjectStatus => {
    const list = bySubject.get(subject) ?? [];
    if (list.length === 0) return "UNAVAILABLE";
    if (list.some((d) => d.state === "FAILED")) return "FAILED";
    if (list.every((d) => d.state === "STORED")) return "AVAILABLE";
    return "PENDING";
  };

  for (const cand of c.candidates) {
    const s = statusOf(cand.id);
    if (s !== cand.dataStatus) await tx.candidate.update({ where: { id: cand.id }, data: { dataStatus: s } });
  }
  const applicant = statusOf(null);
  // Only the data states are settled here; later states (review, decision, answer) are never touched.
  if (!isOneOf(DATA_STATES, c.state)) {
    if (applicant !== c.applicantDataStatus) await tx.case.update({ where: { id: caseId }, data: { applicantDataStatus: applicant } });
    return;
  }

  let state: "FETCHING" | "DATA_UNAVAILABLE" | ReturnType<typeof resumedState>;
  let code: string | null = null;
  const failed = c.downloads.find((d) => d.state === "FAILED");
  const open = c.downloads.some((d) => d.state === "PENDING" || d.state === "DOWNLOADING");
  if (applicant === "UNAVAILABLE") {
    state = "DATA_UNAVAILABLE";
    code = "NO_APPLICANT_URL";
  } else if (failed) {
    state = "DATA_UNAVAILABLE";
    code = failed.lastErrorCode ?? "FAILED";
  } else if (open) {
    state = "FETCHING";
  } else {
    // READY, or the review a re-sent request carried over from the case it superseded.
    state = resumedState({ primaryAssigneeId: c.primaryAssigneeId, decisionLevels: c.decisions.map((d) => d.level) });
  }
  if (state === c.state && code === c.dataErrorCode && applicant === c.applicantDataStatus) return;
  await tx.case.update({ where: { id: caseId }, data: { state, dataErrorCode: code, applicantDataStatus: applicant } });
  const ready = state !== "FETCHING" && state !== "DATA_UNAVAILABLE";
  // Data ready (again, after a re-download; READY or a carried-over review): scores of earlier data are void, the
  // scoring task scores it anew.
  if (ready) await resetFingerScoring(tx, caseId);
  // Queue lag as MOSIP sees it: from its requesttime to a case an officer can open.
  if (ready) metrics().requestToReadySeconds.observe(Math.max(0, (Date.now() - (c.requestTime ?? c.receivedAt).getTime()) / 1000));
  if (state !== c.state && state !== "FETCHING") {
    await recordAudit(tx, {
      actor: null,
      action: ready ? "case.data_ready" : "case.data_unavailable",
      targetType: "case",
      targetId: caseId,
      details: code ? { code } : state !== "READY" ? { resumed: state } : undefined,
    });
  }
}

/** Row lock on the case: serialises everything that settles its data state. */
export async function lockCase(tx: Prisma.TransactionClient, caseId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "Case" WHERE "id" = ${caseId}::uuid FOR UPDATE`;
  return rows.length > 0;
}
