import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  buildAdjudicationDecisionResponse,
  buildCannotAdjudicateResponse,
  buildVerificationResponse,
  checkVerificationRejectValue,
  ResponseBuildError,
  validateAdjudicationResponse,
  validateVerificationResponse,
  mosipAdjudicationOutcome,
  mosipVerificationOutcome,
} from "./adjudication-response";

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/mosip/adjudication/${name}`, import.meta.url), "utf8"));

const NOW = new Date(Date.UTC(2022, 8, 23, 6, 33, 11, 986));
const request = {
  requestId: "58d5bb0e-e65e-4907-b452-81edbfd3ae46",
  gallery: [{ referenceId: "10001100010000620220923053704" }, { referenceId: "10001100010000620220923053705" }],
};
const operators = {
  primaryOperatorID: "op-110011",
  primaryOperatorComments: "face and fingers match",
  secondaryOperatorID: "op-110012",
  secondaryOperatorComments: "agree",
};

function buildError(fn: () => unknown, code: string): void {
  assert.throws(fn, (e: unknown) => e instanceof ResponseBuildError && e.code === code);
}

test("not a duplicate: returnValue 1, count 0, empty candidates, JSON numbers", () => {
  const r = buildAdjudicationDecisionResponse({ request, decision: { outcome: "NOT_DUPLICATE" }, operators, now: NOW });
  assert.deepEqual(r, {
    id: "mosip.manual.adjudication.adjudicate",
    requestId: request.requestId,
    responsetime: "2022-09-23T06:33:11.986Z",
    returnValue: 1,
    candidateList: { count: 0, candidates: [], analytics: operators },
  });
  assert.match(JSON.stringify(r), /"returnValue":1,/);
  assert.match(JSON.stringify(r), /"count":0,/);
  assert.deepEqual(validateAdjudicationResponse(r, request), []);
  assert.equal(mosipAdjudicationOutcome(r, request).outcome, "APPROVED");
});

test("not-duplicate response has the shape of MOSIP's 'no match' sample, with numbers instead of strings", () => {
  const sample = fixture("ma-response-doc-nomatch.json");
  const r = buildAdjudicationDecisionResponse({ request, decision: { outcome: "NOT_DUPLICATE" }, operators, now: NOW });
  assert.deepEqual(Object.keys(r).sort(), Object.keys(sample).sort());
  const sampleList = sample.candidateList as Record<string, unknown>;
  assert.deepEqual(Object.keys(r.candidateList).sort(), Object.keys(sampleList).sort());
  assert.equal(Number(sample.returnValue), r.returnValue);
  assert.equal(Number(sampleList.count), r.candidateList.count);
  assert.equal(typeof sample.returnValue, "string", "MOSIP's sample sends strings");
});

test("duplicates: only the confirmed gallery RIDs, count = their number, analytics in MOSIP's style", () => {
  const r = buildAdjudicationDecisionResponse({
    request,
    decision: {
      outcome: "DUPLICATE",
      candidates: [
        {
          referenceId: "10001100010000620220923053704",
          matched: {
            face: true,
            fingers: [
              "Left_Little",
              "Left_Ring",
              "Left_Middle",
              "Left_Index",
              "Left_Thumb",
              "Right_Little",
              "Right_Ring",
              "Right_Middle",
              "Right_Index",
              "Right_Thumb",
            ],
            irises: ["Left_Iris", "Right_Iris"],
          },
        },
      ],
    },
    operators: { primaryOperatorID: "admin", primaryOperatorComments: "MATCHED" },
    now: NOW,
  });
  // The candidate must equal MOSIP's documented "There are matches" sample candidate exactly.
  const sample = fixture("ma-response-doc-match.json");
  const sampleCandidate = (sample.candidateList as { candidates: unknown[] }).candidates[0];
  assert.deepEqual(r.candidateList.candidates[0], sampleCandidate);
  assert.deepEqual(JSON.stringify(r.candidateList.candidates[0]), JSON.stringify(sampleCandidate), "same key order");
  assert.equal(r.returnValue, 1);
  assert.equal(r.candidateList.count, 1);
  assert.deepEqual(validateAdjudicationResponse(r, request), []);
  assert.equal(mosipAdjudicationOutcome(r, request).outcome, "REJECTED");
});

test("duplicates: several candidates, supervisor fields, per-candidate comment override", () => {
  const r = buildAdjudicationDecisionResponse({
    request,
    decision: {
      outcome: "DUPLICATE",
      candidates: [
        {
          referenceId: "10001100010000620220923053705",
          matched: { irises: ["Right_Iris"] },
          analytics: { primaryOperatorComments: "iris only" },
        },
        { referenceId: "10001100010000620220923053704", matched: { fingers: ["Right_Thumb", "Left_Index"] } },
      ],
    },
    operators: { ...operators, supervisorID: "sup-1", supervisorComments: "confirmed" },
    now: NOW,
  });
  assert.equal(r.candidateList.count, 2);
  assert.deepEqual(r.candidateList.candidates, [
    {
      referenceId: "10001100010000620220923053705",
      analytics: {
        ...operators,
        primaryOperatorComments: "iris only",
        supervisorID: "sup-1",
        supervisorComments: "confirmed",
        Iris: "Right_Iris",
      },
    },
    {
      referenceId: "10001100010000620220923053704",
      analytics: { ...operators, supervisorID: "sup-1", supervisorComments: "confirmed", Finger: "Right_Thumb,Left_Index" },
    },
  ]);
  assert.deepEqual(Object.keys(r.candidateList.candidates[0].analytics), [
    "primaryOperatorID",
    "primaryOperatorComments",
    "secondaryOperatorID",
    "secondaryOperatorComments",
    "supervisorID",
    "supervisorComments",
    "Iris",
  ]);
  assert.deepEqual(r.candidateList.analytics, { ...operators, supervisorID: "sup-1", supervisorComments: "confirmed" });
  assert.deepEqual(validateAdjudicationResponse(r, request), []);
});

test("builder refuses what MOSIP would silently turn into a resend or an approve", () => {
  const dup = (candidates: { referenceId: string }[]) => () =>
    buildAdjudicationDecisionResponse({ request, decision: { outcome: "DUPLICATE", candidates }, operators, now: NOW });
  buildError(dup([{ referenceId: "99999999999999999999999999999" }]), "CANDIDATE_NOT_IN_GALLERY");
  buildError(
    dup([{ referenceId: "10001100010000620220923053704" }, { referenceId: "10001100010000620220923053704" }]),
    "DUPLICATE_CANDIDATE",
  );
  buildError(dup([]), "NO_CANDIDATES");
  buildError(
    () => buildAdjudicationDecisionResponse({ request: { ...request, requestId: " " }, decision: { outcome: "NOT_DUPLICATE" }, operators }),
    "INVALID_REQUEST_ID",
  );
  buildError(
    () => buildAdjudicationDecisionResponse({ request, decision: { outcome: "NOT_DUPLICATE" }, operators: { primaryOperatorID: "" } }),
    "INVALID_OPERATOR",
  );
  buildError(
    () =>
      buildAdjudicationDecisionResponse({
        request,
        decision: {
          outcome: "DUPLICATE",
          candidates: [{ referenceId: "10001100010000620220923053704", analytics: { primaryOperatorID: " " } }],
        },
        operators,
      }),
    "INVALID_OPERATOR",
  );
  assert.throws(dup([{ referenceId: "99999999999999999999999999999" }]), /is not in the request's gallery/);
});

test("cannot adjudicate: returnValue 2 with an empty candidateList carrying who and why", () => {
  const r = buildCannotAdjudicateResponse({ requestId: request.requestId, operators, reason: "datashare expired", now: NOW });
  assert.deepEqual(r, {
    id: "mosip.manual.adjudication.adjudicate",
    requestId: request.requestId,
    responsetime: "2022-09-23T06:33:11.986Z",
    returnValue: 2,
    candidateList: { count: 0, candidates: [], analytics: { ...operators, reason: "datashare expired" } },
  });
  const bare = buildCannotAdjudicateResponse({ requestId: request.requestId, now: NOW });
  assert.equal(bare.candidateList.analytics, null);
  assert.deepEqual(validateAdjudicationResponse(r, request), []);
  assert.equal(mosipAdjudicationOutcome(r, request).outcome, "RESEND");
});

test("verification: approve 1, resend 2, reject 3 by default or a configured value", () => {
  const v = (decision: "APPROVE" | "RESEND" | "REJECT", rejectValue?: number) =>
    buildVerificationResponse({ requestId: "4d4f27d3-ec73-41c4-a384-bf87fce4969e", decision, rejectValue, now: NOW });
  assert.deepEqual(v("APPROVE"), {
    id: "mosip.verification.adjudicate",
    requestId: "4d4f27d3-ec73-41c4-a384-bf87fce4969e",
    responsetime: "2022-09-23T06:33:11.986Z",
    returnValue: 1,
  });
  assert.equal(v("RESEND").returnValue, 2);
  assert.equal(v("REJECT").returnValue, 3);
  assert.equal(v("REJECT", 0).returnValue, 0);
  assert.equal(v("REJECT", 9).returnValue, 9);
  assert.equal(v("APPROVE", 9).returnValue, 1);
  const verification = { requestId: "4d4f27d3-ec73-41c4-a384-bf87fce4969e" };
  for (const d of ["APPROVE", "RESEND", "REJECT"] as const) assert.deepEqual(validateVerificationResponse(v(d), verification), []);
  assert.equal(mosipVerificationOutcome(v("APPROVE"), verification).outcome, "APPROVED");
  assert.equal(mosipVerificationOutcome(v("RESEND"), verification).outcome, "RESEND");
  assert.equal(mosipVerificationOutcome(v("REJECT"), verification).outcome, "REJECTED");
  // Same keys as MOSIP's sample (which also has stray spaces in id and a string returnValue).
  const sample = fixture("verification-response-doc-sample.json");
  assert.deepEqual(Object.keys(v("APPROVE")).sort(), Object.keys(sample).sort());
});

test("verification reject value must be an int other than 1 and 2", () => {
  for (const bad of [1, 2, 2.5, NaN, 2 ** 31]) {
    buildError(() => checkVerificationRejectValue(bad), "INVALID_REJECT_VALUE");
  }
  assert.throws(() => checkVerificationRejectValue(1), /1 means approve/);
  assert.equal(checkVerificationRejectValue(3), 3);
  assert.equal(checkVerificationRejectValue(-1), -1);
  buildError(() => buildVerificationResponse({ requestId: "r", decision: "APPROVE", rejectValue: 2 }), "INVALID_REJECT_VALUE");
});
