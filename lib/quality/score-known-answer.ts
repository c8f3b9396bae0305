import type { StoredDecision } from "./decision-answer";

/** A known-answer case's truth in the terms of its gallery: which candidates are the applicant. */
export interface KnownTruth {
  gallery: readonly string[];
  duplicates: readonly string[];
}

export interface KnownAnswerScore {
  /** The decision sends MOSIP the true answer: exactly the true duplicates, no more, no fewer. */
  correct: boolean;
  cannotAdjudicate: boolean;
  /** Candidates that are not the applicant, judged by the decision, and how many of them it called duplicates. */
  nonDuplicatesJudged: number;
  falseDuplicates: number;
  /** Candidates that are the applicant, judged by the decision, and how many of them it called not duplicates. */
  duplicatesJudged: number;
  missedDuplicates: number;
}

/**
 * Scores one decision against the truth. "Cannot adjudicate" is never correct (a known-answer case has all its
 * data) and judges no candidate, so it counts in accuracy but in neither per-candidate rate.
 */
export function scoreKnownAnswer(truth: KnownTruth, d: StoredDecision): KnownAnswerScore {
  const isDuplicate = new Set(truth.duplicates);
  if (!("candidates" in d)) {
    return {
      correct: false,
      cannotAdjudicate: "cannotAdjudicate" in d,
      nonDuplicatesJudged: 0,
      falseDuplicates: 0,
      duplicatesJudged: 0,
      missedDuplicates: 0,
    };
  }
  const verdict = new Map(d.candidates.map((c) => [c.referenceId, c.duplicate]));
  let nonDuplicatesJudged = 0;
  let falseDuplicates = 0;
  let duplicatesJudged = 0;
  let missedDuplicates = 0;
  for (const rid of truth.gallery) {
    const v = verdict.get(rid);
    if (v === undefined) continue;
    if (isDuplicate.has(rid)) {
      duplicatesJudged++;
      if (!v) missedDuplicates++;
    } else {
      nonDuplicatesJudged++;
      if (v) falseDuplicates++;
    }
  }
  const correct = falseDuplicates === 0 && missedDuplicates === 0 && duplicatesJudged + nonDuplicatesJudged === truth.gallery.length;
  return { correct, cannotAdjudicate: false, nonDuplicatesJudged, falseDuplicates, duplicatesJudged, missedDuplicates };
}
