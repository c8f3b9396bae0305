import { test } from "node:test";
import assert from "node:assert/strict";
import { checkDraft, newDraft, reduceDraft, summariseDecision, type DraftAction } from "./decision-draft";
import { decisionBody } from "./decision-input";

const run = (kind: "ADJUDICATION" | "VERIFICATION", ids: string[], actions: DraftAction[]) =>
  actions.reduce(reduceDraft, newDraft(kind, ids));

test("a verdict is needed for every candidate before the decision can be sent", () => {
  const d = run("ADJUDICATION", ["R1", "R2"], [{ type: "verdict", duplicate: false }]);
  assert.deepEqual(checkDraft(d), { ready: false, missing: { kind: "verdict", candidate: 2 } });
});

test("marking modalities marks the candidate a duplicate; the body matches the API schema", () => {
  const d = run(
    "ADJUDICATION",
    ["R1", "R2"],
    [
      { type: "toggleFinger", finger: "LEFT_INDEX" },
      { type: "toggleFinger", finger: "RIGHT_THUMB" },
      { type: "toggleFace" },
      { type: "next" },
      { type: "verdict", duplicate: false },
      { type: "comment", text: "  prints match  " },
    ],
  );
  const c = checkDraft(d);
  assert.equal(c.ready, true);
  if (!c.ready) return;
  assert.deepEqual(c.decision, {
    candidates: [
      { referenceId: "R1", duplicate: true, modalities: { face: true, fingers: ["RIGHT_THUMB", "LEFT_INDEX"], irises: [] } },
      { referenceId: "R2", duplicate: false },
    ],
    comment: "prints match",
  });
  assert.equal(decisionBody.safeParse(c.decision).success, true);
  assert.deepEqual(summariseDecision(c.decision), [
    { kind: "duplicates", count: 1 },
    { kind: "candidate", index: 0, duplicate: true, face: true, fingers: ["RIGHT_THUMB", "LEFT_INDEX"], irises: [] },
    { kind: "candidate", index: 1, duplicate: false },
    { kind: "comment", comment: "prints match" },
  ]);
});

test("not duplicate clears matched modalities; navigation wraps", () => {
  let d = run(
    "ADJUDICATION",
    ["R1", "R2", "R3"],
    [{ type: "toggleIris", eye: "LEFT" }, { type: "verdict", duplicate: false }, { type: "previous" }],
  );
  assert.deepEqual(d.candidates[0], { referenceId: "R1", duplicate: false, face: false, fingers: [], irises: [] });
  assert.equal(d.current, 2);
  d = reduceDraft(d, { type: "next" });
  assert.equal(d.current, 0);
});

test("cannot adjudicate needs a reason; verification needs approve or reject", () => {
  const a = run("ADJUDICATION", ["R1"], [{ type: "cannotAdjudicate", on: true }]);
  assert.equal(checkDraft(a).ready, false);
  const b = reduceDraft(a, { type: "comment", text: "face image missing" });
  assert.deepEqual(checkDraft(b), { ready: true, decision: { cannotAdjudicate: true, comment: "face image missing" } });
  const v = run("VERIFICATION", [], []);
  assert.deepEqual(checkDraft(v), { ready: false, missing: { kind: "approve" } });
  assert.deepEqual(checkDraft(reduceDraft(v, { type: "approve", approve: false })), { ready: true, decision: { approve: false } });
});
