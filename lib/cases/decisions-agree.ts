import type { CandidateVerdict, DecisionInput } from "./decision-input";
import { decisionKind } from "./decision-input";

/**
 * Four eyes: the primary's and the secondary's decisions agree when they would send MOSIP the same answer.
 * For verdicts that means the same set of confirmed duplicates; which modalities each saw as matching is
 * evidence recorded in the analytics, not a reason to escalate.
 */
export function decisionsAgree(a: DecisionInput, b: DecisionInput): boolean {
  const ka = decisionKind(a);
  if (ka !== decisionKind(b)) return false;
  if (ka !== "VERDICTS") return true;
  return sameSet(
    duplicates((a as { candidates: CandidateVerdict[] }).candidates),
    duplicates((b as { candidates: CandidateVerdict[] }).candidates),
  );
}

export function duplicates(verdicts: readonly CandidateVerdict[]): string[] {
  return verdicts.filter((v) => v.duplicate).map((v) => v.referenceId);
}

function sameSet(x: string[], y: string[]): boolean {
  const s = new Set(x);
  return x.length === y.length && y.every((v) => s.has(v));
}
