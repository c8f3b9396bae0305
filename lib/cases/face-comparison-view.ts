import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { FACE_DIFFERENT_ABOVE, FACE_SAME_AT_MOST, type FaceVerdict, faceSimilarity, faceVerdict } from "@/lib/matching/face-distance";
import { FACE_MEASURED_ACCURACY } from "@/lib/matching/face-measured-accuracy";
import type { FingerComparisonView } from "./finger-comparison-view";

export interface CandidateFace {
  /** The candidate's `key` in the case view. */
  candidateId: string;
  /**
   * SAME / INCONCLUSIVE / DIFFERENT: the band of the distance; NO_FACE_FOUND: an image on both sides but the model
   * found no face in one; NOT_COMPARED: one side has no face image (or it could not be decoded).
   */
  verdict: FaceVerdict | "NO_FACE_FOUND" | "NOT_COMPARED";
  /** 1 - distance, clamped to 0..1 (1 = identical descriptors); null unless compared. */
  similarity: number | null;
  /** Euclidean distance of the descriptors (0 = identical); null unless compared. */
  distance: number | null;
  /** The face detector's confidence (0-1) on each side, null where it found no face. */
  applicantDetection: number | null;
  candidateDetection: number | null;
}

export interface FaceComparisonView {
  label: string;
  /** The scoring run's status, shared with the fingerprints (one run scores both). */
  status: FingerComparisonView["status"];
  /** Distance bands: at most `sameAtMost` SAME, above `differentAbove` DIFFERENT, between INCONCLUSIVE. */
  thresholds: { sameAtMost: number; differentAbove: number };
  candidates: CandidateFace[];
  accuracy: typeof FACE_MEASURED_ACCURACY;
}

export const FACE_AID_LABEL =
  "Face comparison aid: a face-recognition model's similarity of the two photos (0-1) and its band. Your decision, not the model's, is sent to MOSIP.";

/** A face row as stored (FaceScore without keys but the candidate). */
export interface FaceScoreView {
  candidateId: string;
  distance: number | null;
  applicantDetection: number | null;
  candidateDetection: number | null;
}

/** Each candidate's face comparison, in MOSIP's order (the finger view orders candidates by evidence). */
export function buildFaceComparison(
  candidateIds: readonly string[],
  rows: readonly FaceScoreView[],
  status: FingerComparisonView["status"],
): FaceComparisonView {
  const byCandidate = new Map(rows.map((r) => [r.candidateId, r]));
  return {
    label: FACE_AID_LABEL,
    status,
    thresholds: { sameAtMost: FACE_SAME_AT_MOST, differentAbove: FACE_DIFFERENT_ABOVE },
    candidates:
      status === "DONE"
        ? candidateIds.map((candidateId) => {
            const r = byCandidate.get(candidateId);
            if (!r)
              return {
                candidateId,
                verdict: "NOT_COMPARED",
                similarity: null,
                distance: null,
                applicantDetection: null,
                candidateDetection: null,
              };
            const compared = r.distance !== null;
            return {
              candidateId,
              verdict: compared ? faceVerdict(r.distance!) : "NO_FACE_FOUND",
              similarity: compared ? faceSimilarity(r.distance!) : null,
              distance: r.distance,
              applicantDetection: r.applicantDetection,
              candidateDetection: r.candidateDetection,
            };
          })
        : [],
    accuracy: FACE_MEASURED_ACCURACY,
  };
}

/** The face comparisons of a case as the workbench shows them. */
export async function faceComparisonView(
  prisma: Pick<PrismaClient, "faceScore">,
  kase: { id: string; candidates: readonly { id: string }[] },
  status: FingerComparisonView["status"],
): Promise<FaceComparisonView> {
  const rows =
    status === "DONE"
      ? await prisma.faceScore.findMany({
          where: { caseId: kase.id },
          select: { candidateId: true, distance: true, applicantDetection: true, candidateDetection: true },
        })
      : [];
  return buildFaceComparison(
    kase.candidates.map((c) => c.id),
    rows,
    status,
  );
}
