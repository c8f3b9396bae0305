import assert from "node:assert/strict";
import { test } from "node:test";
import { type FingerScoreRow, rankCandidates } from "./rank-candidates";

const row = (candidateId: string, position: string, score: number): FingerScoreRow => ({
  candidateId,
  position,
  score,
  pairedMinutiae: Math.round(score / 2),
  applicantMinutiae: 60,
  candidateMinutiae: 55,
  applicantQuality: 80,
  candidateQuality: null,
});

test("candidates are ordered by fingers above the threshold, then by the best finger, and the order is explained", () => {
  const rows = [
    row("c1", "LEFT_INDEX", 12),
    row("c1", "RIGHT_THUMB", 19),
    row("c2", "RIGHT_INDEX", 78),
    row("c2", "RIGHT_THUMB", 61),
    row("c2", "LEFT_THUMB", 30),
    row("c2", "LEFT_LITTLE", 8),
    row("c3", "RIGHT_THUMB", 90),
  ];
  const ranked = rankCandidates(["c1", "c2", "c3", "c4"], rows, 25);
  assert.deepEqual(
    ranked.map((r) => r.candidateId),
    ["c2", "c3", "c1", "c4"],
  );
  assert.deepEqual(
    ranked.map((r) => r.rank),
    [1, 2, 3, 4],
  );
  assert.equal(ranked[0].explanation, "3 fingers at or above 25 of 4 compared, best 78");
  assert.equal(ranked[1].explanation, "1 finger at or above 25 of 1 compared, best 90");
  assert.equal(ranked[2].explanation, "no finger at or above 25 of 2 compared, best 19");
  assert.match(ranked[3].explanation, /no finger could be compared/);
  // Fingers in the grid's order (right thumb first), whatever order the rows came in.
  assert.deepEqual(
    ranked[0].fingers.map((f) => f.position),
    ["RIGHT_THUMB", "RIGHT_INDEX", "LEFT_THUMB", "LEFT_LITTLE"],
  );
  assert.equal(ranked[0].fingersAbove, 3);
  assert.equal(ranked[3].best, null);
});

test("equal evidence keeps MOSIP's order", () => {
  const rows = [row("a", "RIGHT_THUMB", 40), row("b", "RIGHT_THUMB", 40)];
  assert.deepEqual(
    rankCandidates(["b", "a"], rows, 25).map((r) => r.candidateId),
    ["b", "a"],
  );
});

test("where the fingers leave a tie, the closer face goes first and the explanation names it", () => {
  const rows = [row("c1", "RIGHT_THUMB", 30), row("c2", "RIGHT_THUMB", 30)];
  const faces = new Map([
    ["c1", 0.72],
    ["c2", 0.21],
  ]);
  const ranked = rankCandidates(["c1", "c2", "c3"], rows, 25, faces);
  assert.deepEqual(
    ranked.map((r) => [r.candidateId, r.faceDistance]),
    [
      ["c2", 0.21],
      ["c1", 0.72],
      ["c3", null],
    ],
  );
  assert.equal(ranked[0].explanation, "1 finger at or above 25 of 1 compared, best 30; face similarity 0.79 (likely the same person)");
  assert.match(ranked[1].explanation, /face similarity 0\.28 \(likely different people\)$/);
  // A finger difference outweighs any face: the face only breaks ties.
  const fingersFirst = rankCandidates(["c1", "c2"], [row("c1", "RIGHT_THUMB", 31), row("c2", "RIGHT_THUMB", 30)], 25, faces);
  assert.equal(fingersFirst[0].candidateId, "c1");
});
