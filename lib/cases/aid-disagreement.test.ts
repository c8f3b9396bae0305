import assert from "node:assert/strict";
import { test } from "node:test";
import { aidDisagreement } from "./aid-disagreement";
import type { FingerScoreRow } from "./rank-candidates";

const t = { matchScore: 25, strongScore: 40, strongFingers: 3 };
const candidates = [
  { id: "id-1", referenceId: "ref-1" },
  { id: "id-2", referenceId: "ref-2" },
];
const row = (candidateId: string, position: string, score: number): FingerScoreRow => ({
  candidateId,
  position,
  score,
  pairedMinutiae: 10,
  applicantMinutiae: 50,
  candidateMinutiae: 50,
  applicantQuality: null,
  candidateQuality: null,
});
const weak = [row("id-1", "RIGHT_THUMB", 12), row("id-1", "RIGHT_INDEX", 24.9)];
const strong = [row("id-2", "RIGHT_THUMB", 70), row("id-2", "RIGHT_INDEX", 55), row("id-2", "LEFT_THUMB", 40)];

test("a confirmed duplicate with no finger at the match threshold disagrees", () => {
  const d = aidDisagreement(
    [
      { referenceId: "ref-1", duplicate: true },
      { referenceId: "ref-2", duplicate: true },
    ],
    candidates,
    [...weak, ...strong],
    t,
  );
  assert.equal(d, "candidate 1 confirmed duplicate, no finger of 2 at or above 25 (best 24.9)");
});

test("a rejected candidate with enough strong fingers disagrees; one strong finger fewer does not", () => {
  const verdicts = [
    { referenceId: "ref-1", duplicate: false },
    { referenceId: "ref-2", duplicate: false },
  ];
  assert.equal(
    aidDisagreement(verdicts, candidates, [...weak, ...strong], t),
    "candidate 2 rejected with 3 fingers at or above 40 (best 70)",
  );
  assert.equal(aidDisagreement(verdicts, candidates, [...weak, ...strong.slice(0, 2)], t), null);
});

test("verdicts that agree with the scores, or candidates without scores, raise nothing", () => {
  const agree = [
    { referenceId: "ref-1", duplicate: false },
    { referenceId: "ref-2", duplicate: true },
  ];
  assert.equal(aidDisagreement(agree, candidates, [...weak, ...strong], t), null);
  assert.equal(aidDisagreement([{ referenceId: "ref-1", duplicate: true }], candidates, [], t), null);
});
