import { test } from "node:test";
import assert from "node:assert/strict";
import { buildCaseResponse } from "./build-case-response";
import { decisionBody } from "./decision-input";
import { validateAdjudicationResponse, validateVerificationResponse } from "@/lib/mosip/adjudication-response-check";

const now = new Date("2026-11-22T10:11:12.345Z");
const kase = { kind: "ADJUDICATION" as const, requestId: "req-1", gallery: [{ referenceId: "R1" }, { referenceId: "R2" }] };
const primary = { username: "op1", comment: "fingers match" };
const secondary = { username: "op2", comment: "agree" };

test("a confirmed duplicate lists only that candidate, with matched modalities in MOSIP's style", () => {
  const decision = decisionBody.parse({
    candidates: [
      { referenceId: "R1", duplicate: true, modalities: { face: true, fingers: ["LEFT_INDEX", "RIGHT_THUMB"], irises: ["LEFT"] } },
      { referenceId: "R2", duplicate: false },
    ],
  });
  const r = buildCaseResponse({ kase, decision, primary, secondary, verificationRejectValue: 3, now });
  assert.deepEqual(r, {
    id: "mosip.manual.adjudication.adjudicate",
    requestId: "req-1",
    responsetime: "2026-11-22T10:11:12.345Z",
    returnValue: 1,
    candidateList: {
      count: 1,
      candidates: [
        {
          referenceId: "R1",
          analytics: {
            primaryOperatorID: "op1",
            primaryOperatorComments: "fingers match",
            secondaryOperatorID: "op2",
            secondaryOperatorComments: "agree",
            Face: "F",
            Finger: "Right_Thumb,Left_Index",
            Iris: "Left_Iris",
          },
        },
      ],
      analytics: {
        primaryOperatorID: "op1",
        primaryOperatorComments: "fingers match",
        secondaryOperatorID: "op2",
        secondaryOperatorComments: "agree",
      },
    },
  });
  assert.deepEqual(validateAdjudicationResponse(r, { requestId: "req-1", gallery: kase.gallery }), []);
});

test("not a duplicate: count 0 and no candidates; a supervisor's resolution names them", () => {
  const decision = decisionBody.parse({
    candidates: [
      { referenceId: "R1", duplicate: false },
      { referenceId: "R2", duplicate: false },
    ],
  });
  const r = buildCaseResponse({
    kase,
    decision,
    primary,
    secondary,
    supervisor: { username: "sup", comment: "resolved" },
    verificationRejectValue: 3,
    now,
  });
  assert.equal(r.returnValue, 1);
  assert.ok("candidateList" in r);
  assert.deepEqual(r.candidateList.candidates, []);
  assert.equal(r.candidateList.count, 0);
  assert.equal(r.candidateList.analytics?.supervisorID, "sup");
  assert.equal(r.candidateList.analytics?.supervisorComments, "resolved");
});

test("cannot adjudicate asks MOSIP to resend (returnValue 2)", () => {
  const r = buildCaseResponse({
    kase,
    decision: decisionBody.parse({ cannotAdjudicate: true, comment: "images unreadable" }),
    primary,
    verificationRejectValue: 3,
    now,
  });
  assert.equal(r.returnValue, 2);
});

test("verification: approve 1, reject the configured value", () => {
  const v = { ...kase, kind: "VERIFICATION" as const, gallery: [] };
  const approve = buildCaseResponse({ kase: v, decision: decisionBody.parse({ approve: true }), primary, verificationRejectValue: 3, now });
  assert.deepEqual(approve, {
    id: "mosip.verification.adjudicate",
    requestId: "req-1",
    responsetime: "2026-11-22T10:11:12.345Z",
    returnValue: 1,
  });
  const reject = buildCaseResponse({ kase: v, decision: decisionBody.parse({ approve: false }), primary, verificationRejectValue: 4, now });
  assert.equal(reject.returnValue, 4);
  assert.deepEqual(validateVerificationResponse(reject, { requestId: "req-1" }), []);
});
