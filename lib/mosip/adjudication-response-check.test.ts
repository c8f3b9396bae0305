import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  mosipAdjudicationOutcome,
  mosipVerificationOutcome,
  validateAdjudicationResponse,
  validateVerificationResponse,
  type ResponseViolation,
} from "./adjudication-response-check";

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/mosip/adjudication/${name}`, import.meta.url), "utf8"));

// The gallery MOSIP's unit tests run these fixtures against (its manual verification rows).
const testsRequest = {
  requestId: "1961e3ba-614b-4dd1-b5ca-848555a15225",
  gallery: [
    { referenceId: "10002100880000920210628085700" },
    { referenceId: "10002100880000920210628085718" },
    { referenceId: "10002100880001420210629050908" },
  ],
};
const codes = (v: ResponseViolation[]) => v.map((x) => x.code).sort();

const good = () => ({
  id: "mosip.manual.adjudication.adjudicate",
  requestId: testsRequest.requestId,
  responsetime: "2021-06-24T10:04:44.515Z",
  returnValue: 1,
  candidateList: { count: 1, candidates: [{ referenceId: "10002100880000920210628085700", analytics: {} }], analytics: null },
});

test("a well-formed response has no violations", () => {
  assert.deepEqual(validateAdjudicationResponse(good(), testsRequest), []);
});

test("countMismatch fixture: COUNT_MISMATCH (and MOSIP's numbers-as-strings are flagged for our contract)", () => {
  const v = validateAdjudicationResponse(fixture("ma-response-countMismatch.json"), testsRequest);
  assert.deepEqual(codes(v), ["COUNT_MISMATCH", "COUNT_NOT_NUMBER", "RETURN_VALUE_NOT_NUMBER"]);
  assert.equal(v.find((x) => x.code === "COUNT_MISMATCH")?.message, "count 1 does not match 2 candidate(s)");
  assert.deepEqual(mosipAdjudicationOutcome(fixture("ma-response-countMismatch.json"), testsRequest), {
    outcome: "RESEND",
    reason: "candidate count does not match reference ids count",
  });
});

test("refIdMismatch fixture: CANDIDATE_NOT_IN_GALLERY with the path of the candidate", () => {
  const request = { ...testsRequest, gallery: [{ referenceId: "10002100880000920210628085700" }] };
  const v = validateAdjudicationResponse(fixture("ma-response-refIdMismatch.json"), request);
  assert.deepEqual(codes(v), ["CANDIDATE_NOT_IN_GALLERY", "COUNT_NOT_NUMBER", "RETURN_VALUE_NOT_NUMBER"]);
  assert.equal(v.find((x) => x.code === "CANDIDATE_NOT_IN_GALLERY")?.path, "candidateList.candidates[0].referenceId");
  assert.equal(mosipAdjudicationOutcome(fixture("ma-response-refIdMismatch.json"), request).outcome, "RESEND");
});

test("successFlow / resendFlow fixtures: only the string numbers differ from our contract; MOSIP outcomes match its tests", () => {
  const request = { ...testsRequest, gallery: [{ referenceId: "10002100880000920210628085700" }] };
  assert.deepEqual(codes(validateAdjudicationResponse(fixture("ma-response-successFlow.json"), request)), [
    "COUNT_NOT_NUMBER",
    "RETURN_VALUE_NOT_NUMBER",
  ]);
  assert.equal(mosipAdjudicationOutcome(fixture("ma-response-successFlow.json"), request).outcome, "REJECTED");
  assert.equal(mosipAdjudicationOutcome(fixture("ma-response-resendFlow.json"), request).outcome, "RESEND");
});

test("documentation samples: string numbers and a 7-digit offset time are flagged; MOSIP would still accept them", () => {
  const nomatch = fixture("ma-response-doc-nomatch.json");
  const req = { requestId: nomatch.requestId as string, gallery: [] };
  assert.deepEqual(codes(validateAdjudicationResponse(nomatch, req)), [
    "COUNT_NOT_NUMBER",
    "RESPONSE_TIME_FORMAT",
    "RETURN_VALUE_NOT_NUMBER",
  ]);
  assert.equal(mosipAdjudicationOutcome(nomatch, req).outcome, "APPROVED");
  const match = fixture("ma-response-doc-match.json");
  const mreq = { requestId: match.requestId as string, gallery: [{ referenceId: "10001100010000620220923053704" }] };
  assert.equal(mosipAdjudicationOutcome(match, mreq).outcome, "REJECTED");
});

test("each contract rule is caught", () => {
  // biome-ignore lint/suspicious/noExplicitAny: the test breaks the response in arbitrary places
  const check = (mutate: (r: Record<string, any>) => void) => {
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const r: Record<string, any> = good();
    mutate(r);
    return codes(validateAdjudicationResponse(r, testsRequest));
  };
  assert.deepEqual(codes(validateAdjudicationResponse([], testsRequest)), ["NOT_OBJECT"]);
  assert.deepEqual(
    check((r) => (r.id = " mosip.manual.adjudication.adjudicate ")),
    ["ID_MISMATCH"],
  );
  assert.deepEqual(
    check((r) => (r.requestId = "other")),
    ["REQUEST_ID_MISMATCH"],
  );
  assert.deepEqual(
    check((r) => (r.responsetime = "2021-06-24T10:04:44Z")),
    ["RESPONSE_TIME_FORMAT"],
  );
  assert.deepEqual(
    check((r) => delete r.returnValue),
    ["RETURN_VALUE_MISSING"],
  );
  assert.deepEqual(
    check((r) => (r.returnValue = "1")),
    ["RETURN_VALUE_NOT_NUMBER"],
  );
  assert.deepEqual(
    check((r) => (r.returnValue = 3)),
    ["RETURN_VALUE_UNSAFE"],
  );
  assert.deepEqual(
    check((r) => delete r.candidateList),
    ["CANDIDATE_LIST_MISSING"],
  );
  assert.deepEqual(
    check((r) => (r.candidateList = null)),
    ["CANDIDATE_LIST_MISSING"],
  );
  assert.deepEqual(
    check((r) => (r.candidateList = "x")),
    ["CANDIDATE_LIST_NOT_OBJECT"],
  );
  assert.deepEqual(
    check((r) => delete r.candidateList.count),
    ["COUNT_MISSING"],
  );
  assert.deepEqual(
    check((r) => (r.candidateList.count = 1.5)),
    ["COUNT_NOT_NUMBER"],
  );
  assert.deepEqual(
    check((r) => (r.candidateList.count = 2)),
    ["COUNT_MISMATCH"],
  );
  assert.deepEqual(
    check((r) => (r.candidateList.candidates = null)),
    ["CANDIDATES_NOT_ARRAY"],
  );
  assert.deepEqual(
    check((r) => (r.candidateList.candidates[0].referenceId = "")),
    ["CANDIDATE_REFERENCE_MISSING"],
  );
  assert.deepEqual(
    check((r) => {
      r.candidateList.candidates.push({ ...r.candidateList.candidates[0] });
      r.candidateList.count = 2;
    }),
    ["DUPLICATE_CANDIDATE"],
  );
  assert.deepEqual(
    check((r) => (r.candidateList.analytics = "x")),
    ["ANALYTICS_NOT_OBJECT"],
  );
  assert.deepEqual(
    check((r) => (r.candidateList.candidates[0].analytics = [])),
    ["ANALYTICS_NOT_OBJECT"],
  );
  // returnValue 2 needs no candidateList
  assert.deepEqual(
    check((r) => {
      r.returnValue = 2;
      delete r.candidateList;
    }),
    [],
  );
});

test("MOSIP outcome traps: missing candidateList fails the packet; count > 0 with no candidates approves", () => {
  const base = good();
  assert.equal(mosipAdjudicationOutcome({ ...base, candidateList: undefined }, testsRequest).outcome, "FAILED");
  assert.equal(mosipAdjudicationOutcome({ ...base, returnValue: null }, testsRequest).outcome, "FAILED");
  assert.equal(mosipAdjudicationOutcome({ ...base, candidateList: { count: 3, candidates: [] } }, testsRequest).outcome, "APPROVED");
  assert.equal(mosipAdjudicationOutcome({ ...base, candidateList: { count: 0, candidates: null } }, testsRequest).outcome, "APPROVED");
  assert.equal(mosipAdjudicationOutcome({ ...base, candidateList: { candidates: [] } }, testsRequest).outcome, "FAILED");
  assert.equal(
    mosipAdjudicationOutcome({ ...base, returnValue: 0, candidateList: { count: 0, candidates: [] } }, testsRequest).outcome,
    "REJECTED",
  );
  assert.equal(mosipAdjudicationOutcome({ ...base, returnValue: "yes" }, testsRequest).outcome, "DROPPED");
  assert.equal(mosipAdjudicationOutcome({ ...base, requestId: "superseded" }, testsRequest).outcome, "DROPPED");
});

test("verification checks", () => {
  const req = { requestId: "4d4f27d3-ec73-41c4-a384-bf87fce4969e" };
  const sample = fixture("verification-response-doc-sample.json");
  assert.deepEqual(codes(validateVerificationResponse(sample, req)), ["ID_MISMATCH", "RETURN_VALUE_NOT_NUMBER"]);
  assert.equal(mosipVerificationOutcome(sample, req).outcome, "APPROVED");
  const long = {
    id: "mosip.verification.adjudicate",
    requestId: "x".repeat(500),
    responsetime: "2021-01-19T13:16:22.930Z",
    returnValue: 1,
  };
  assert.deepEqual(codes(validateVerificationResponse(long, { requestId: long.requestId })), ["RESPONSE_TOO_LONG"]);
  assert.equal(mosipVerificationOutcome({ ...sample, returnValue: 3 }, req).outcome, "REJECTED");
  assert.equal(mosipVerificationOutcome({ ...sample, returnValue: undefined }, req).outcome, "FAILED");
});
