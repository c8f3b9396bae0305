import { test } from "node:test";
import assert from "node:assert/strict";
import { decisionsAgree } from "./decisions-agree";
import { decisionBody } from "./decision-input";

const d = (v: unknown) => decisionBody.parse(v);

test("same confirmed duplicates agree, whatever modalities each saw", () => {
  const a = d({
    candidates: [
      { referenceId: "1", duplicate: true, modalities: { face: true } },
      { referenceId: "2", duplicate: false },
    ],
  });
  const b = d({
    candidates: [
      { referenceId: "2", duplicate: false },
      { referenceId: "1", duplicate: true, modalities: { fingers: ["RIGHT_THUMB"] } },
    ],
  });
  assert.equal(decisionsAgree(a, b), true);
});

test("a different duplicate set, or a different kind of decision, is a conflict", () => {
  const a = d({
    candidates: [
      { referenceId: "1", duplicate: true },
      { referenceId: "2", duplicate: false },
    ],
  });
  const b = d({
    candidates: [
      { referenceId: "1", duplicate: false },
      { referenceId: "2", duplicate: false },
    ],
  });
  assert.equal(decisionsAgree(a, b), false);
  assert.equal(decisionsAgree(a, d({ cannotAdjudicate: true, comment: "blurred" })), false);
  assert.equal(decisionsAgree(d({ approve: true }), d({ approve: false })), false);
  assert.equal(decisionsAgree(d({ approve: true }), d({ approve: true, comment: "ok" })), true);
});

test("decision bodies are validated strictly", () => {
  assert.equal(decisionBody.safeParse({ candidates: [] }).success, false);
  assert.equal(decisionBody.safeParse({ cannotAdjudicate: true, comment: "" }).success, false);
  assert.equal(
    decisionBody.safeParse({ candidates: [{ referenceId: "1", duplicate: true, modalities: { fingers: ["RIGHT_TOE"] } }] }).success,
    false,
  );
  assert.equal(decisionBody.safeParse({ approve: true, extra: 1 }).success, false);
});
