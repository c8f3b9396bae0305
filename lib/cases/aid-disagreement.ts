import type { ComparisonAidSettings } from "@/lib/settings/comparison-aid-settings";
import type { CandidateVerdict } from "./decision-input";
import type { FingerScoreRow } from "./rank-candidates";

/**
 * Where a final verdict and the fingerprint scores strongly disagree: a candidate confirmed as a duplicate with
 * no finger at or above the match threshold (though fingers were compared), or a candidate rejected with at
 * least `strongFingers` fingers at or above the strong score. Returns the reason in numbers (no personal data),
 * or null when they agree or nothing was compared. The verdict stands either way; this only asks for a review.
 */
export function aidDisagreement(
  verdicts: readonly CandidateVerdict[],
  /** In MOSIP's order (the labels say "candidate 1", "candidate 2"...). */
  candidates: readonly { id: string; referenceId: string }[],
  rows: readonly FingerScoreRow[],
  t: ComparisonAidSettings,
): string | null {
  const reasons: string[] = [];
  for (const v of verdicts) {
    const at = candidates.findIndex((c) => c.referenceId === v.referenceId);
    if (at < 0) continue;
    const cand = candidates[at];
    const scores = rows.filter((r) => r.candidateId === cand.id).map((r) => r.score);
    if (scores.length === 0) continue;
    const label = `candidate ${at + 1}`;
    const best = Math.round(Math.max(...scores) * 10) / 10;
    if (v.duplicate && scores.every((s) => s < t.matchScore)) {
      reasons.push(`${label} confirmed duplicate, no finger of ${scores.length} at or above ${t.matchScore} (best ${best})`);
    }
    const strong = scores.filter((s) => s >= t.strongScore).length;
    if (!v.duplicate && strong >= t.strongFingers) {
      reasons.push(`${label} rejected with ${strong} fingers at or above ${t.strongScore} (best ${best})`);
    }
  }
  return reasons.length ? reasons.join("; ") : null;
}
