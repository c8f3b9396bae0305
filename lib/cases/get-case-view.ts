import "server-only";
import { metrics, since } from "@/lib/metrics/metrics";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { SessionUser } from "@/lib/auth/load-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import { buildBiometricGrid, type BiometricGrid } from "@/lib/biometrics/grid";
import { buildDemographics, type DemographicsView } from "@/lib/demographics";
import { caseRole, type CaseRole } from "./case-access";
import { isOneOf, VERDICTS_VISIBLE_STATES } from "./case-lifecycle";
import { refuseCaseAccess } from "./refuse-case-access";
import { loadSubject } from "./load-subject";
import { computeMosipClock, type MosipClock } from "./mosip-clock";
import { modalitiesPresent } from "./dwell-time";
import { noteViewedModalities, recordReviewView } from "./review-view";
import { getEnv } from "@/lib/env/get-env";
import { fingerComparisonView, type FingerComparisonView } from "./finger-comparison-view";
import { faceComparisonView, type FaceComparisonView } from "./face-comparison-view";

export interface SubjectView {
  key: string;
  label: string;
  referenceId: string;
  dataStatus: string;
  unavailableReason: string | null;
  demographics: DemographicsView | null;
  biometrics: BiometricGrid | null;
  documents: { name: string; bytes: number }[];
  problems: string[];
}

export interface CaseView {
  id: string;
  kind: "ADJUDICATION" | "VERIFICATION";
  state: string;
  requestId: string;
  receivedAt: string;
  deadlineAt: string | null;
  /** When MOSIP stops waiting, re-sends, or lets the shares expire (lib/cases/mosip-clock.ts). */
  clock: MosipClock;
  /** Earlier requests for the same person that this one replaced (MOSIP re-sent it), with how long each waited here. */
  supersedes: { requestId: string; receivedAt: string; waitedMinutes: number }[];
  /**
   * What became of the replaced request's review: carried over (same applicant, same gallery) or started afresh
   * because the gallery changed (how many candidates were added and removed); null when no review was in progress.
   */
  resend: ResendProgressView | null;
  role: CaseRole;
  applicant: SubjectView;
  candidates: SubjectView[];
  /**
   * Earlier decisions, only for supervisors and only once the case is at CONFLICT or closed
   * (VERDICTS_VISIBLE_STATES): a secondary reviews blind, and nobody may see the verdict before it is given.
   */
  decisions: { level: string; username: string; body: unknown; comment: string | null; at: string }[];
  /** True when a supervisor is shown no decisions although some exist: the case still awaits a blind review. */
  decisionsHidden: boolean;
  /** The fingerprint comparison aid: scores per candidate and finger, candidates by evidence (docs/decisions/0022). */
  fingerComparison: FingerComparisonView;
  /** The face similarity per candidate, in MOSIP's order (docs/decisions/0026). */
  faceComparison: FaceComparisonView;
}

export interface ResendProgressView {
  outcome: "carried" | "restarted";
  addedCandidates: number;
  removedCandidates: number;
}

/**
 * Everything the comparison screen shows, for a user allowed to see this case (403 otherwise). Each view is
 * audited (who, which case, when; never what was shown).
 */
export async function getCaseView(prisma: PrismaClient, user: SessionUser, caseId: string): Promise<CaseView> {
  const started = performance.now();
  const view = await buildCaseView(prisma, user, caseId);
  metrics().caseOpenSeconds.observe(since(started));
  return view;
}

async function buildCaseView(prisma: PrismaClient, user: SessionUser, caseId: string): Promise<CaseView> {
  const c = await prisma.case.findUnique({
    where: { id: caseId },
    include: {
      candidates: { orderBy: { position: "asc" } },
      decisions: { include: { user: { select: { username: true } } }, orderBy: { createdAt: "asc" } },
      supersedes: { select: { requestId: true, receivedAt: true }, orderBy: { receivedAt: "asc" } },
      _count: { select: { downloads: { where: { state: { in: ["PENDING", "DOWNLOADING"] } } } } },
    },
  });
  if (!c) throw new DomainError("not_found", "no such case");
  const role = caseRole(user, c);
  if (!role) throw await refuseCaseAccess(prisma, user, c.id, "case");
  const showDecisions = role === "SUPERVISOR" && isOneOf(VERDICTS_VISIBLE_STATES, c.state);
  // A supervisor who opens a case after its primary decision is barred from its secondary review for good
  // (barredFromSecondary), whether or not this view shows the verdict: the record is made on the server,
  // with the view's audit row, so no later page, list or role change can undo it.
  const exposed = role === "SUPERVISOR" && c.decisions.some((d) => d.level === "PRIMARY");
  await prisma.$transaction(async (tx) => {
    if (exposed) await tx.caseExposure.createMany({ data: [{ caseId: c.id, userId: user.id }], skipDuplicates: true });
    // A reviewer's first view at their level starts their dwell time (the haste guard, dwell-guard.ts).
    if (role !== "SUPERVISOR") await recordReviewView(tx, { caseId: c.id, userId: user.id, level: role, at: new Date() });
    await recordAudit(tx, { actor: user, action: "case.view", targetType: "case", targetId: c.id, details: { role } });
  });

  const subject = async (key: string, label: string, referenceId: string, dataStatus: string): Promise<SubjectView> => {
    const base = { key, label, referenceId, dataStatus, demographics: null, biometrics: null, documents: [], problems: [] };
    if (dataStatus === "UNAVAILABLE") return { ...base, unavailableReason: "MOSIP sent no data for this person" };
    if (dataStatus !== "AVAILABLE")
      return {
        ...base,
        // Never the download's own reason: it may name MOSIP's internal hosts. Admins read it on the integration page.
        unavailableReason:
          dataStatus === "FAILED"
            ? "biometric data could not be downloaded from MOSIP; an administrator has the details"
            : "the data is still being downloaded",
      };
    const s = await loadSubject(prisma, c.id, key);
    if (!s.ok) return { ...base, unavailableReason: s.reason };
    const { payload, birs, problems } = s.data;
    return {
      ...base,
      unavailableReason: null,
      demographics: buildDemographics(payload.identity),
      biometrics: birs.length ? buildBiometricGrid(birs) : null,
      documents: Object.entries(payload.documents ?? {})
        .filter(([, v]) => v)
        .map(([name, v]) => ({ name, bytes: v!.byteLength })),
      problems,
    };
  };

  const [fingerComparison, applicant, ...candidates] = await Promise.all([
    fingerComparisonView(prisma, c),
    subject("applicant", "Applicant", c.referenceId, c.applicantDataStatus),
    ...c.candidates.map((k, i) => subject(k.id, `Candidate ${i + 1}`, k.referenceId, k.dataStatus)),
  ]);
  const faceComparison = await faceComparisonView(prisma, c, fingerComparison.status);
  if (role !== "SUPERVISOR")
    await noteViewedModalities(prisma, { caseId: c.id, userId: user.id, level: role, modalities: modalitiesPresent(applicant.biometrics) });
  const { mosip } = getEnv();
  return {
    id: c.id,
    kind: c.kind,
    state: c.state,
    requestId: c.requestId,
    receivedAt: c.receivedAt.toISOString(),
    deadlineAt: c.deadlineAt?.toISOString() ?? null,
    clock: computeMosipClock(
      { expiresAt: c.expiresAt, requestTime: c.requestTime, receivedAt: c.receivedAt, sharesPending: c._count.downloads > 0 },
      { reprocessSeconds: mosip.reprocessSeconds, datashareValiditySeconds: mosip.datashare.validityMs / 1000 },
    ),
    // The old request waited from its receipt until this one replaced it.
    supersedes: c.supersedes.map((s) => ({
      requestId: s.requestId,
      receivedAt: s.receivedAt.toISOString(),
      waitedMinutes: Math.max(0, Math.round((c.receivedAt.getTime() - s.receivedAt.getTime()) / 60_000)),
    })),
    resend: resendView(c.resendProgress),
    role,
    applicant,
    candidates,
    decisions: showDecisions
      ? c.decisions.map((d) => ({
          level: d.level,
          username: d.user.username,
          body: d.body,
          comment: d.comment,
          at: d.createdAt.toISOString(),
        }))
      : [],
    decisionsHidden: role === "SUPERVISOR" && !showDecisions && c.decisions.length > 0,
    fingerComparison,
    faceComparison,
  };
}

function resendView(stored: unknown): ResendProgressView | null {
  if (!stored || typeof stored !== "object") return null;
  const r = stored as Record<string, unknown>;
  if (r.outcome !== "carried" && r.outcome !== "restarted") return null;
  return { outcome: r.outcome, addedCandidates: Number(r.addedCandidates) || 0, removedCandidates: Number(r.removedCandidates) || 0 };
}
