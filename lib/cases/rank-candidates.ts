import { FINGER_POSITIONS } from "@/lib/biometrics/positions";
import { faceSimilarity, faceVerdict } from "@/lib/matching/face-distance";

/** One stored finger comparison (a FingerScore row without its keys). */
export interface FingerScoreRow {
  candidateId: string;
  position: string;
  score: number;
  pairedMinutiae: number;
  applicantMinutiae: number;
  candidateMinutiae: number;
  applicantQuality: number | null;
  candidateQuality: number | null;
}

export interface CandidateEvidence {
  candidateId: string;
  /** 1 = strongest evidence of being the same person. */
  rank: number;
  /** Finger positions compared (present on both sides), in the grid's order. */
  fingers: Omit<FingerScoreRow, "candidateId">[];
  compared: number;
  /** Fingers scoring at or above the match threshold. */
  fingersAbove: number;
  /** Best finger score; null when no finger could be compared. */
  best: number | null;
  /** Face descriptor distance to the applicant, when both faces were found (docs/decisions/0026). */
  faceDistance: number | null;
  /** Why this candidate stands where it does, from the numbers above. */
  explanation: string;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Orders candidates by fingerprint evidence: more fingers at or above `matchScore` first, then the higher best
 * finger, then the higher sum; candidates nobody could compare go last. Where the fingers leave a tie, the closer
 * face goes first (the face model is the weaker aid: it only breaks ties), then MOSIP's order.
 */
export function rankCandidates(
  candidateIds: readonly string[],
  rows: readonly FingerScoreRow[],
  matchScore: number,
  faceDistances: ReadonlyMap<string, number> = new Map(),
): CandidateEvidence[] {
  const order = new Map<string, number>(FINGER_POSITIONS.map((p, i) => [p, i]));
  const evidence = candidateIds.map((candidateId, mosipOrder) => {
    const fingers = rows
      .filter((r) => r.candidateId === candidateId)
      .map(({ candidateId: _, ...r }) => r)
      .sort((a, b) => (order.get(a.position) ?? 99) - (order.get(b.position) ?? 99));
    const scores = fingers.map((f) => f.score);
    return {
      candidateId,
      mosipOrder,
      fingers,
      compared: fingers.length,
      fingersAbove: scores.filter((s) => s >= matchScore).length,
      best: scores.length ? Math.max(...scores) : null,
      sum: scores.reduce((a, b) => a + b, 0),
      faceDistance: faceDistances.get(candidateId) ?? null,
    };
  });
  evidence.sort(
    (a, b) =>
      Number(b.compared > 0) - Number(a.compared > 0) ||
      b.fingersAbove - a.fingersAbove ||
      (b.best ?? -1) - (a.best ?? -1) ||
      b.sum - a.sum ||
      (a.faceDistance ?? Number.POSITIVE_INFINITY) - (b.faceDistance ?? Number.POSITIVE_INFINITY) ||
      a.mosipOrder - b.mosipOrder,
  );
  return evidence.map(({ mosipOrder: _, sum: __, ...e }, i) => ({ ...e, rank: i + 1, explanation: explain(e, matchScore) }));
}

const FACE_WORDS = { SAME: "likely the same person", INCONCLUSIVE: "inconclusive", DIFFERENT: "likely different people" } as const;

function explain(
  e: { compared: number; fingersAbove: number; best: number | null; faceDistance: number | null },
  matchScore: number,
): string {
  const fingers = explainFingers(e, matchScore);
  if (e.faceDistance === null) return fingers;
  return `${fingers}; face similarity ${faceSimilarity(e.faceDistance)} (${FACE_WORDS[faceVerdict(e.faceDistance)]})`;
}

function explainFingers(e: { compared: number; fingersAbove: number; best: number | null }, matchScore: number): string {
  if (e.compared === 0) return "no finger could be compared (no finger position has an image on both sides)";
  const of = `of ${e.compared} compared`;
  if (e.fingersAbove === 0) return `no finger at or above ${matchScore} ${of}, best ${round(e.best!)}`;
  const fingers = e.fingersAbove === 1 ? "1 finger" : `${e.fingersAbove} fingers`;
  return `${fingers} at or above ${matchScore} ${of}, best ${round(e.best!)}`;
}
