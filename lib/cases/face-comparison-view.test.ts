import assert from "node:assert/strict";
import { test } from "node:test";
import { buildFaceComparison } from "./face-comparison-view";

test("each candidate's face gets its band, similarity 1 - distance, and why it has none when not compared", () => {
  const rows = [
    { candidateId: "same", distance: 0.188, applicantDetection: 0.97, candidateDetection: 0.95 },
    { candidateId: "between", distance: 0.5, applicantDetection: 0.97, candidateDetection: 0.9 },
    { candidateId: "other", distance: 0.73, applicantDetection: 0.97, candidateDetection: 0.12 },
    { candidateId: "noface", distance: null, applicantDetection: 0.97, candidateDetection: null },
  ];
  const view = buildFaceComparison(["noface", "same", "between", "other", "nophoto"], rows, "DONE");
  assert.deepEqual(
    view.candidates.map((c) => [c.candidateId, c.verdict, c.similarity]),
    [
      ["noface", "NO_FACE_FOUND", null],
      ["same", "SAME", 0.812],
      ["between", "INCONCLUSIVE", 0.5],
      ["other", "DIFFERENT", 0.27],
      ["nophoto", "NOT_COMPARED", null],
    ],
  );
  assert.deepEqual(view.thresholds, { sameAtMost: 0.35, differentAbove: 0.6 });
  assert.match(view.label, /Your decision, not the model's, is sent to MOSIP/);
  assert.deepEqual(buildFaceComparison(["same"], rows, "PENDING").candidates, [], "nothing before the run is done");
});
