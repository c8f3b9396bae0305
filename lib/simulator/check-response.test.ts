import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ResponseChecker } from "./check-response";
import type { RequestTruth } from "./scenario";

const T = "2025-01-02T03:04:05.678Z";
const adjudication = {
  kind: "ADJUDICATION" as const,
  requestId: "req-1",
  referenceId: "R0",
  gallery: [{ referenceId: "G1" }, { referenceId: "G2" }, { referenceId: "G3" }],
};
const verification = { kind: "VERIFICATION" as const, requestId: "ver-1", referenceId: "V0", gallery: [] };
const resend = { ...adjudication, requestId: "req-2", supersedes: "req-1" };
const other = { ...adjudication, requestId: "req-3" };
const truth = new Map<string, RequestTruth>([
  ["req-2", { kind: "ADJUDICATION", duplicates: ["G2"], unavailable: [], supersededBy: null }],
  ["req-3", { kind: "ADJUDICATION", duplicates: ["G1", "G3"], unavailable: ["G3"], supersededBy: null }],
]);

function checker() {
  return new ResponseChecker([adjudication, verification, resend, other], {
    truth,
    queues: { adjudication: "adjudication-to-mosip", verification: "verification-to-mosip" },
  });
}

function ma(requestId: string, candidates: string[], extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    id: "mosip.manual.adjudication.adjudicate",
    requestId,
    responsetime: T,
    returnValue: 1,
    candidateList: {
      count: candidates.length,
      candidates: candidates.map((referenceId) => ({ referenceId, analytics: {} })),
      analytics: { primaryOperatorID: "op1" },
    },
    ...extra,
  });
}

describe("response checker", () => {
  it("accepts a correct reject that matches the truth, and reports the MOSIP outcome", () => {
    const c = checker();
    const v = c.check(ma("req-2", ["G2"]), { queue: "adjudication-to-mosip" });
    assert.deepEqual(v.problems, []);
    assert.equal(v.ok, true);
    assert.equal(v.outcome, "REJECTED");
    assert.deepEqual(v.truth, { expected: ["G2"], confirmed: ["G2"], missed: [], wrong: [], agrees: true });
  });

  it("catches a wrong count and a non-gallery candidate (MOSIP would turn them into a resend)", () => {
    const c = checker();
    const wrongCount = c.check(
      JSON.stringify({ ...JSON.parse(ma("req-2", ["G2"])), candidateList: { count: 2, candidates: [{ referenceId: "G2" }] } }),
    );
    assert.deepEqual(
      wrongCount.problems.map((p) => p.code),
      ["COUNT_MISMATCH"],
    );
    assert.equal(wrongCount.outcome, "RESEND");
    const c2 = checker();
    const stranger = c2.check(ma("req-2", ["X9"]));
    assert.deepEqual(
      stranger.problems.map((p) => p.code),
      ["CANDIDATE_NOT_IN_GALLERY"],
    );
    assert.equal(stranger.outcome, "RESEND");
    assert.equal(stranger.ok, false);
  });

  it("flags a second response to the same requestId, and answers to unknown or superseded requestIds", () => {
    const c = checker();
    assert.equal(c.check(ma("req-2", [])).ok, true);
    const again = c.check(ma("req-2", []));
    assert.deepEqual(
      again.problems.map((p) => p.code),
      ["DUPLICATE_RESPONSE"],
    );
    assert.equal(again.outcome, "FAILED");
    const unknown = c.check(ma("nobody", []));
    assert.deepEqual([unknown.problems[0].code, unknown.outcome, unknown.kind], ["UNKNOWN_REQUEST", "DROPPED", null]);
    const old = c.check(ma("req-1", []));
    assert.deepEqual(
      old.problems.map((p) => p.code),
      ["SUPERSEDED_REQUEST"],
    );
    assert.equal(old.outcome, "DROPPED");
    assert.deepEqual(
      c.check("not json").problems.map((p) => p.code),
      ["NOT_JSON"],
    );
  });

  it("compares with the truth without calling a disagreement a contract breach", () => {
    const c = checker();
    const approve = c.check(ma("req-2", []));
    assert.equal(approve.ok, true);
    assert.deepEqual(approve.truth, { expected: ["G2"], confirmed: [], missed: ["G2"], wrong: [], agrees: false });
    // G3 is a true duplicate without data: not expected; confirming G1 only agrees.
    const partial = c.check(ma("req-3", ["G1"]));
    assert.equal(partial.truth?.agrees, true);
    const s = c.summary();
    assert.deepEqual([s.responses, s.ok, s.broken, s.truthAgreed, s.truthDisagreed], [2, 2, 0, 1, 1]);
    assert.deepEqual(s.unanswered, ["ver-1"]);
    assert.deepEqual(s.outcomes, { APPROVED: 1, REJECTED: 1 });
  });

  it("checks verification responses, the queue they arrive on, and a missing candidateList", () => {
    const c = checker();
    const ok = c.check(JSON.stringify({ id: "mosip.verification.adjudicate", requestId: "ver-1", responsetime: T, returnValue: 3 }), {
      queue: "verification-to-mosip",
    });
    assert.deepEqual([ok.ok, ok.outcome, ok.truth], [true, "REJECTED", null]);
    const wrongQueue = c.check(ma("req-3", []), { queue: "verification-to-mosip" });
    assert.ok(wrongQueue.problems.some((p) => p.code === "WRONG_QUEUE"));
    const noList = checker().check(
      JSON.stringify({ id: "mosip.manual.adjudication.adjudicate", requestId: "req-2", responsetime: T, returnValue: 1 }),
    );
    assert.deepEqual([noList.problems.map((p) => p.code), noList.outcome], [["CANDIDATE_LIST_MISSING"], "FAILED"]);
    const stringly = checker().check(ma("req-2", [], { returnValue: "1" }));
    assert.deepEqual([stringly.problems.map((p) => p.code), stringly.outcome], [["RETURN_VALUE_NOT_NUMBER"], "APPROVED"]);
  });
});
