import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { MEASURED_ACCURACY } from "@/lib/matching/measured-accuracy";
import { getComparisonAidSettings } from "@/lib/settings/comparison-aid-settings";
import { DATA_STATES, isOneOf } from "./case-lifecycle";
import { type CandidateEvidence, rankCandidates } from "./rank-candidates";

export interface FingerComparisonView {
  /** Always shown with the scores: what they are and what they are not. */
  label: string;
  /**
   * NOT_READY: the data is still being downloaded (or is unavailable); PENDING: scoring is queued or running;
   * DONE: scores below; FAILED: scoring failed and will be retried (the reason is technical).
   */
  status: "NOT_READY" | "PENDING" | "DONE" | "FAILED";
  thresholds: { matchScore: number; strongScore: number };
  /** Candidates by fingerprint evidence, strongest first; `candidateId` is the candidate's `key` in the view. */
  candidates: CandidateEvidence[];
  accuracy: typeof MEASURED_ACCURACY;
  /** Iris is not scored; the face has its own view, faceComparison (docs/decisions/0026), and only breaks ties here. */
  modalities: ["FINGER"];
}

export const AID_LABEL =
  "Fingerprint comparison aid: machine scores (0-100) and paired minutiae per finger. Your decision, not the score, is sent to MOSIP.";

/** The fingerprint scores of a case as the workbench shows them, ordered by evidence. */
export async function fingerComparisonView(
  prisma: Pick<PrismaClient, "fingerScoring" | "fingerScore" | "faceScore" | "setting">,
  kase: { id: string; state: string; candidates: readonly { id: string }[] },
): Promise<FingerComparisonView> {
  const [scoring, rows, faces, t] = await Promise.all([
    prisma.fingerScoring.findUnique({ where: { caseId: kase.id }, select: { state: true } }),
    prisma.fingerScore.findMany({ where: { caseId: kase.id } }),
    prisma.faceScore.findMany({ where: { caseId: kase.id, distance: { not: null } }, select: { candidateId: true, distance: true } }),
    getComparisonAidSettings(prisma),
  ]);
  const status = isOneOf(DATA_STATES, kase.state)
    ? "NOT_READY"
    : scoring?.state === "DONE"
      ? "DONE"
      : scoring?.state === "FAILED"
        ? "FAILED"
        : "PENDING";
  return {
    label: AID_LABEL,
    status,
    thresholds: { matchScore: t.matchScore, strongScore: t.strongScore },
    candidates:
      status === "DONE"
        ? rankCandidates(
            kase.candidates.map((c) => c.id),
            rows,
            t.matchScore,
            new Map(faces.map((f) => [f.candidateId, f.distance!])),
          )
        : [],
    accuracy: MEASURED_ACCURACY,
    modalities: ["FINGER"],
  };
}
