// Checking a response against the contract, two ways:
//
// - validate*Response: what *our* MAS promises (strict): JSON numbers, exact id and time pattern,
//   candidateList always present unless returnValue is 2, count equal to the list length, candidates
//   a subset of the gallery without repeats. Used on our own output and by the simulator.
// - mosip*Outcome: what MOSIP's regproc would actually do with a response (contract notes 2.3/2.4
//   and 2.5, by code reading), including its leniency (numbers as strings) and its traps (a count
//   mismatch becomes a resend, a missing candidateList an NPE that fails the packet). Used by the
//   simulator to play MOSIP's part.

import { MANUAL_ADJUDICATION_ID, VERIFICATION_ID } from "./message-ids";
import { isMosipTimeFormat } from "./mosip-time";

export type ResponseViolationCode =
  | "NOT_OBJECT"
  | "ID_MISMATCH"
  | "REQUEST_ID_MISMATCH"
  | "RESPONSE_TIME_FORMAT"
  | "RETURN_VALUE_MISSING"
  | "RETURN_VALUE_NOT_NUMBER"
  | "RETURN_VALUE_UNSAFE"
  | "CANDIDATE_LIST_MISSING"
  | "CANDIDATE_LIST_NOT_OBJECT"
  | "COUNT_MISSING"
  | "COUNT_NOT_NUMBER"
  | "COUNT_MISMATCH"
  | "CANDIDATES_NOT_ARRAY"
  | "CANDIDATE_REFERENCE_MISSING"
  | "CANDIDATE_NOT_IN_GALLERY"
  | "DUPLICATE_CANDIDATE"
  | "ANALYTICS_NOT_OBJECT"
  | "RESPONSE_TOO_LONG";

export interface ResponseViolation {
  code: ResponseViolationCode;
  /** JSON path of the offending field, e.g. "candidateList.candidates[1].referenceId". */
  path: string;
  message: string;
}

export interface CheckedRequest {
  requestId: string;
  gallery: readonly { referenceId: string }[];
}

export function validateAdjudicationResponse(response: unknown, request: CheckedRequest): ResponseViolation[] {
  const out: ResponseViolation[] = [];
  const add = (code: ResponseViolationCode, path: string, message: string) => out.push({ code, path, message });
  if (!isObject(response)) {
    add("NOT_OBJECT", "", "response must be a JSON object");
    return out;
  }
  checkHeader(response, MANUAL_ADJUDICATION_ID, request.requestId, add);
  const rv = checkReturnValue(response.returnValue, add);
  if (rv !== null && rv !== 1 && rv !== 2) {
    add(
      "RETURN_VALUE_UNSAFE",
      "returnValue",
      `returnValue ${rv}: only 1 (decided) and 2 (resend) are safe; MOSIP treats other values as reject`,
    );
  }

  const cl = response.candidateList;
  if (cl === undefined || cl === null) {
    if (rv !== 2) {
      add(
        "CANDIDATE_LIST_MISSING",
        "candidateList",
        "candidateList is required unless returnValue is 2 (MOSIP fails the packet with an NPE)",
      );
    }
    return out;
  }
  if (!isObject(cl)) {
    add("CANDIDATE_LIST_NOT_OBJECT", "candidateList", "candidateList must be an object");
    return out;
  }

  let count: number | null = null;
  if (cl.count === undefined || cl.count === null) add("COUNT_MISSING", "candidateList.count", "count is required");
  else if (typeof cl.count !== "number") {
    add("COUNT_NOT_NUMBER", "candidateList.count", `count must be a JSON number, got ${typeof cl.count}`);
    count = looseInt(cl.count);
  } else if (!Number.isInteger(cl.count) || cl.count < 0) {
    add("COUNT_NOT_NUMBER", "candidateList.count", `count must be a non-negative integer, got ${cl.count}`);
  } else count = cl.count;

  checkAnalytics(cl.analytics, "candidateList.analytics", add);

  if (!Array.isArray(cl.candidates)) {
    add("CANDIDATES_NOT_ARRAY", "candidateList.candidates", "candidates must be an array (use [] for no duplicates)");
    return out;
  }
  if (count !== null && count !== cl.candidates.length) {
    add("COUNT_MISMATCH", "candidateList.count", `count ${count} does not match ${cl.candidates.length} candidate(s)`);
  }
  const gallery = new Set(request.gallery.map((g) => g.referenceId));
  const seen = new Map<string, number>();
  cl.candidates.forEach((c: unknown, i: number) => {
    const at = `candidateList.candidates[${i}]`;
    if (!isObject(c) || typeof c.referenceId !== "string" || !/\S/.test(c.referenceId)) {
      add("CANDIDATE_REFERENCE_MISSING", `${at}.referenceId`, "referenceId must be a non-blank string");
      return;
    }
    if (!gallery.has(c.referenceId)) {
      add("CANDIDATE_NOT_IN_GALLERY", `${at}.referenceId`, `"${c.referenceId}" is not one of the request's gallery referenceIds`);
    }
    const first = seen.get(c.referenceId);
    if (first !== undefined) {
      add("DUPLICATE_CANDIDATE", `${at}.referenceId`, `"${c.referenceId}" already listed at candidates[${first}]`);
    } else seen.set(c.referenceId, i);
    checkAnalytics(c.analytics, `${at}.analytics`, add);
  });
  return out;
}

/** reg_verification.response_text is varchar(512): the four DTO fields, compact, must fit. */
const VERIFICATION_TEXT_LIMIT = 512;

export function validateVerificationResponse(response: unknown, request: { requestId: string }): ResponseViolation[] {
  const out: ResponseViolation[] = [];
  const add = (code: ResponseViolationCode, path: string, message: string) => out.push({ code, path, message });
  if (!isObject(response)) {
    add("NOT_OBJECT", "", "response must be a JSON object");
    return out;
  }
  checkHeader(response, VERIFICATION_ID, request.requestId, add);
  checkReturnValue(response.returnValue, add);
  const stored = JSON.stringify({
    id: response.id,
    requestId: response.requestId,
    responsetime: response.responsetime,
    returnValue: response.returnValue,
  });
  if (stored.length > VERIFICATION_TEXT_LIMIT) {
    add("RESPONSE_TOO_LONG", "", `MOSIP stores ${stored.length} characters in a ${VERIFICATION_TEXT_LIMIT}-character column`);
  }
  return out;
}

// ---- what MOSIP does with it ----

export type MosipOutcome =
  /** continue to UIN generation */
  | "APPROVED"
  /** packet rejected, applicant notified */
  | "REJECTED"
  /** back to PENDING; MOSIP sends a new request later */
  | "RESEND"
  /** NullPointerException path: packet goes to complete-as-failed */
  | "FAILED"
  /** message logged and discarded, no status change (bad JSON shape, unknown requestId) */
  | "DROPPED";

export function mosipAdjudicationOutcome(response: unknown, request: CheckedRequest): { outcome: MosipOutcome; reason: string } {
  if (!isObject(response)) return { outcome: "DROPPED", reason: "not a JSON object" };
  if (response.requestId !== request.requestId) return { outcome: "DROPPED", reason: "unknown requestId" };
  const rv = jacksonInt(response.returnValue);
  if (rv === "INVALID") return { outcome: "DROPPED", reason: "returnValue is not an integer" };
  if (rv === null) return { outcome: "FAILED", reason: "returnValue missing (NPE)" };
  if (rv === 2) return { outcome: "RESEND", reason: "returnValue 2" };

  const cl = response.candidateList;
  if (cl !== undefined && cl !== null && !isObject(cl)) return { outcome: "DROPPED", reason: "candidateList is not an object" };
  if (cl === undefined || cl === null) return { outcome: "FAILED", reason: "candidateList missing (NPE)" };
  const candidates = cl.candidates;
  if (candidates !== undefined && candidates !== null && !Array.isArray(candidates)) {
    return { outcome: "DROPPED", reason: "candidates is not an array" };
  }
  const list: unknown[] = Array.isArray(candidates) ? candidates : [];

  if (rv === 1) {
    const count = jacksonInt(cl.count);
    if (count === "INVALID") return { outcome: "DROPPED", reason: "count is not an integer" };
    if (count === null) return { outcome: "FAILED", reason: "count missing (NPE)" };
    // isResponseValidationSuccess only runs for count > 0 and a non-empty list.
    if (count > 0 && list.length > 0) {
      if (count !== list.length) return { outcome: "RESEND", reason: "candidate count does not match reference ids count" };
      const gallery = new Set(request.gallery.map((g) => g.referenceId));
      const bad = list.some((c) => !isObject(c) || typeof c.referenceId !== "string" || !gallery.has(c.referenceId));
      if (bad) return { outcome: "RESEND", reason: "received referenceIds do not match the gallery" };
    }
  }
  if (rv === 1 && list.length === 0) return { outcome: "APPROVED", reason: "no confirmed duplicates" };
  return {
    outcome: "REJECTED",
    reason: rv === 1 ? `${list.length} confirmed duplicate(s)` : `returnValue ${rv} is treated as reject`,
  };
}

export function mosipVerificationOutcome(response: unknown, request: { requestId: string }): { outcome: MosipOutcome; reason: string } {
  if (!isObject(response)) return { outcome: "DROPPED", reason: "not a JSON object" };
  if (response.requestId !== request.requestId) return { outcome: "DROPPED", reason: "unknown requestId" };
  const rv = jacksonInt(response.returnValue);
  if (rv === "INVALID") return { outcome: "DROPPED", reason: "returnValue is not an integer" };
  if (rv === null) return { outcome: "FAILED", reason: "returnValue missing (NPE)" };
  if (rv === 1) return { outcome: "APPROVED", reason: "returnValue 1" };
  if (rv === 2) return { outcome: "RESEND", reason: "returnValue 2" };
  return { outcome: "REJECTED", reason: `returnValue ${rv}` };
}

// ---- helpers ----

type Add = (code: ResponseViolationCode, path: string, message: string) => void;

function checkHeader(r: Record<string, unknown>, id: string, requestId: string, add: Add): void {
  if (r.id !== id) add("ID_MISMATCH", "id", `id must be "${id}"`);
  if (r.requestId !== requestId) add("REQUEST_ID_MISMATCH", "requestId", "requestId must echo the request's requestId exactly");
  if (!isMosipTimeFormat(r.responsetime)) {
    add("RESPONSE_TIME_FORMAT", "responsetime", "responsetime must be yyyy-MM-dd'T'HH:mm:ss.SSS'Z' (UTC)");
  }
}

/** Returns the numeric value (also for numeric strings, so later checks still run) or null. */
function checkReturnValue(v: unknown, add: Add): number | null {
  if (v === undefined || v === null) {
    add("RETURN_VALUE_MISSING", "returnValue", "returnValue is required");
    return null;
  }
  if (typeof v !== "number" || !Number.isInteger(v)) {
    add("RETURN_VALUE_NOT_NUMBER", "returnValue", `returnValue must be an integer JSON number, got ${JSON.stringify(v)}`);
    return looseInt(v);
  }
  return v;
}

function checkAnalytics(v: unknown, path: string, add: Add): void {
  if (v !== undefined && v !== null && !isObject(v)) add("ANALYTICS_NOT_OBJECT", path, "analytics must be an object or null");
}

function looseInt(v: unknown): number | null {
  const n = jacksonInt(v);
  return n === "INVALID" ? null : n;
}

/**
 * How Jackson fills an `Integer` field by default: numbers (fractions truncated), integer strings,
 * null/absent/"" -> null; anything else fails deserialisation (MOSIP then drops the message).
 */
function jacksonInt(v: unknown): number | null | "INVALID" {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? Math.trunc(v) : "INVALID";
  if (typeof v === "string" && /^[+-]?\d{1,10}$/.test(v.trim())) return Number(v.trim());
  return "INVALID";
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
