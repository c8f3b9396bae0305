// Responses the MAS sends to `adjudication-to-mosip` and `verification-to-mosip`.
// Contract notes section 2 and pitfalls 3-7 explain the shapes; the short version:
//   approve (not a duplicate)  -> returnValue 1, candidateList {count:0, candidates:[]}
//   reject  (duplicates found) -> returnValue 1, candidates = the gallery RIDs confirmed as duplicates
//   cannot adjudicate          -> returnValue 2 (MOSIP re-sends later with a new requestId)
// Numbers are JSON numbers (MOSIP's samples use strings; Jackson accepts both, numbers are cleaner).
// Builders throw on anything MOSIP would silently turn into a resend or a failure: better a loud
// error in the MAS than a packet that never moves.

import type { AdjudicationRequest } from "./adjudication-request";
import { MANUAL_ADJUDICATION_ID, VERIFICATION_ID } from "./message-ids";
import { formatMatchedModalities, type MatchedModalities } from "./modalities";
import { formatMosipTime } from "./mosip-time";

export { formatMosipTime } from "./mosip-time";
export {
  validateAdjudicationResponse,
  validateVerificationResponse,
  mosipAdjudicationOutcome,
  mosipVerificationOutcome,
  type ResponseViolation,
  type ResponseViolationCode,
  type MosipOutcome,
} from "./adjudication-response-check";

export type ResponseBuildErrorCode =
  | "INVALID_REQUEST_ID"
  | "INVALID_OPERATOR"
  | "NO_CANDIDATES"
  | "CANDIDATE_NOT_IN_GALLERY"
  | "DUPLICATE_CANDIDATE"
  | "INVALID_REJECT_VALUE";

export class ResponseBuildError extends Error {
  readonly code: ResponseBuildErrorCode;
  constructor(code: ResponseBuildErrorCode, message: string) {
    super(message);
    this.name = "ResponseBuildError";
    this.code = code;
  }
}

/** Who decided. Emitted as analytics in MOSIP's sample key names (primaryOperatorID, ...). */
export interface OperatorAnalytics {
  primaryOperatorID: string;
  primaryOperatorComments?: string;
  secondaryOperatorID?: string;
  secondaryOperatorComments?: string;
  supervisorID?: string;
  supervisorComments?: string;
}

export interface DuplicateCandidate {
  /** Must be one of the request's gallery RIDs. */
  referenceId: string;
  matched?: MatchedModalities;
  /** Per-candidate overrides of the case-level operator fields (e.g. a comment on this match). */
  analytics?: Partial<OperatorAnalytics>;
}

export type AdjudicationDecision = { outcome: "NOT_DUPLICATE" } | { outcome: "DUPLICATE"; candidates: readonly DuplicateCandidate[] };

export type Analytics = Record<string, string>;

export interface ResponseCandidate {
  referenceId: string;
  analytics: Analytics;
}

export interface CandidateList {
  count: number;
  candidates: ResponseCandidate[];
  analytics: Analytics | null;
}

export interface AdjudicationResponse {
  id: typeof MANUAL_ADJUDICATION_ID;
  requestId: string;
  responsetime: string;
  returnValue: 1 | 2;
  candidateList: CandidateList;
}

export interface VerificationResponse {
  id: typeof VERIFICATION_ID;
  requestId: string;
  responsetime: string;
  returnValue: number;
}

/** The part of a parsed request a decision needs (keeps callers free to pass a stored case). */
export type DecidedRequest = Pick<AdjudicationRequest, "requestId"> & {
  gallery: readonly { referenceId: string }[];
};

export function buildAdjudicationDecisionResponse(args: {
  request: DecidedRequest;
  decision: AdjudicationDecision;
  operators: OperatorAnalytics;
  now?: Date;
}): AdjudicationResponse {
  const { request, decision, operators } = args;
  const requestId = checkRequestId(request.requestId);
  const caseAnalytics = operatorAnalytics(operators, "operators");
  const responsetime = formatMosipTime(args.now ?? new Date());

  if (decision.outcome === "NOT_DUPLICATE") {
    return {
      id: MANUAL_ADJUDICATION_ID,
      requestId,
      responsetime,
      returnValue: 1,
      candidateList: { count: 0, candidates: [], analytics: caseAnalytics },
    };
  }

  if (decision.candidates.length === 0) {
    // An empty list means "approve" to MOSIP; a DUPLICATE decision must name who it duplicates.
    throw new ResponseBuildError("NO_CANDIDATES", "DUPLICATE decision needs at least one gallery referenceId");
  }
  const gallery = new Set(request.gallery.map((g) => g.referenceId));
  const seen = new Set<string>();
  const candidates: ResponseCandidate[] = decision.candidates.map((c, i) => {
    if (!gallery.has(c.referenceId)) {
      throw new ResponseBuildError(
        "CANDIDATE_NOT_IN_GALLERY",
        `candidates[${i}].referenceId "${c.referenceId}" is not in the request's gallery; MOSIP would turn the response into a resend`,
      );
    }
    if (seen.has(c.referenceId)) {
      throw new ResponseBuildError("DUPLICATE_CANDIDATE", `candidates[${i}].referenceId "${c.referenceId}" is listed twice`);
    }
    seen.add(c.referenceId);
    const merged = operatorAnalytics({ ...operators, ...stripUndefined(c.analytics ?? {}) }, `candidates[${i}].analytics`);
    return { referenceId: c.referenceId, analytics: { ...merged, ...formatMatchedModalities(c.matched ?? {}) } };
  });

  return {
    id: MANUAL_ADJUDICATION_ID,
    requestId,
    responsetime,
    returnValue: 1,
    candidateList: { count: candidates.length, candidates, analytics: caseAnalytics },
  };
}

/**
 * returnValue 2: MOSIP puts the packet back to PENDING and sends a new request (new requestId).
 * MOSIP does not read candidateList for 2, but we still send an empty one: it costs nothing, keeps
 * any MOSIP version that dereferences candidateList before checking returnValue from failing the
 * packet (pitfall 4), and carries who decided and why into res_text for MOSIP-side audit.
 */
export function buildCannotAdjudicateResponse(args: {
  requestId: string;
  operators?: OperatorAnalytics;
  /** Why (e.g. "datashare expired before download"). Stored by MOSIP as analytics.reason. */
  reason?: string;
  now?: Date;
}): AdjudicationResponse {
  const requestId = checkRequestId(args.requestId);
  const analytics: Analytics = args.operators ? operatorAnalytics(args.operators, "operators") : {};
  if (args.reason !== undefined) analytics.reason = args.reason;
  return {
    id: MANUAL_ADJUDICATION_ID,
    requestId,
    responsetime: formatMosipTime(args.now ?? new Date()),
    returnValue: 2,
    candidateList: { count: 0, candidates: [], analytics: Object.keys(analytics).length ? analytics : null },
  };
}

export type VerificationDecision = "APPROVE" | "RESEND" | "REJECT";

/** Any value other than 1 and 2 rejects (VerificationServiceImpl); 3 is our default. */
export const DEFAULT_VERIFICATION_REJECT_VALUE = 3;

/** Checks a configured reject value: a Java int that is neither 1 (approve) nor 2 (resend). */
export function checkVerificationRejectValue(v: number): number {
  if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647) {
    throw new ResponseBuildError("INVALID_REJECT_VALUE", `verification reject value must be a 32-bit integer, got ${v}`);
  }
  if (v === 1 || v === 2) {
    throw new ResponseBuildError(
      "INVALID_REJECT_VALUE",
      `verification reject value must not be ${v}: 1 means approve and 2 means resend to MOSIP`,
    );
  }
  return v;
}

/**
 * Only the four fields of MOSIP's VerificationResponseDTO: MOSIP stores the response in
 * reg_verification.response_text, a varchar(512), so no analytics here.
 */
export function buildVerificationResponse(args: {
  requestId: string;
  decision: VerificationDecision;
  rejectValue?: number;
  now?: Date;
}): VerificationResponse {
  const requestId = checkRequestId(args.requestId);
  const reject = checkVerificationRejectValue(args.rejectValue ?? DEFAULT_VERIFICATION_REJECT_VALUE);
  const returnValue = args.decision === "APPROVE" ? 1 : args.decision === "RESEND" ? 2 : reject;
  return { id: VERIFICATION_ID, requestId, responsetime: formatMosipTime(args.now ?? new Date()), returnValue };
}

// ---- helpers ----

function checkRequestId(requestId: string): string {
  if (typeof requestId !== "string" || !/\S/.test(requestId)) {
    throw new ResponseBuildError("INVALID_REQUEST_ID", "requestId must be the non-blank requestId of the request");
  }
  return requestId;
}

const OPERATOR_KEYS = [
  "primaryOperatorID",
  "primaryOperatorComments",
  "secondaryOperatorID",
  "secondaryOperatorComments",
  "supervisorID",
  "supervisorComments",
] as const;

/** Fixed key order (MOSIP's sample order) and only the keys that have a value. */
function operatorAnalytics(o: Partial<OperatorAnalytics>, path: string): Analytics {
  if (typeof o.primaryOperatorID !== "string" || !/\S/.test(o.primaryOperatorID)) {
    throw new ResponseBuildError("INVALID_OPERATOR", `${path}.primaryOperatorID must be a non-blank string`);
  }
  const out: Analytics = {};
  for (const k of OPERATOR_KEYS) {
    const v = o[k];
    if (v === undefined) continue;
    if (typeof v !== "string") throw new ResponseBuildError("INVALID_OPERATOR", `${path}.${k} must be a string`);
    if (k.endsWith("ID") && !/\S/.test(v)) {
      throw new ResponseBuildError("INVALID_OPERATOR", `${path}.${k} must not be blank`);
    }
    out[k] = v;
  }
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
