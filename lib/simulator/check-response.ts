// Plays MOSIP's side of the response queues: every response the MAS sends is checked against the
// contract (lib/mosip/adjudication-response-check.ts), against MOSIP's bookkeeping (one answer
// per requestId; answers to unknown or superseded requestIds vanish on MOSIP's side) and, where
// the simulator knows who is who, against the truth (did the officers confirm exactly the true
// duplicates?). Contract problems make a response "broken"; disagreeing with the truth does not,
// since that is a human judgement, but it is reported.

import {
  mosipAdjudicationOutcome,
  mosipVerificationOutcome,
  validateAdjudicationResponse,
  validateVerificationResponse,
  type MosipOutcome,
  type ResponseViolation,
} from "@/lib/mosip/adjudication-response-check";
import type { RequestTruth } from "./scenario";

export type ProblemCode =
  | ResponseViolation["code"]
  | "NOT_JSON"
  | "NO_REQUEST_ID"
  | "UNKNOWN_REQUEST"
  | "SUPERSEDED_REQUEST"
  | "DUPLICATE_RESPONSE"
  | "WRONG_QUEUE";

export interface Problem {
  code: ProblemCode;
  path: string;
  message: string;
}

export interface KnownRequest {
  kind: "ADJUDICATION" | "VERIFICATION";
  requestId: string;
  referenceId: string;
  gallery: readonly { referenceId: string }[];
}

export interface TruthComparison {
  /** Gallery RIDs that really are the applicant and had data. */
  expected: string[];
  confirmed: string[];
  /** True duplicates the answer did not confirm. */
  missed: string[];
  /** Confirmed candidates that are a different person. */
  wrong: string[];
  agrees: boolean;
}

export interface ResponseVerdict {
  requestId: string | null;
  kind: KnownRequest["kind"] | null;
  problems: Problem[];
  /** What MOSIP's regproc would do with it; null when the requestId is not one we sent. */
  outcome: MosipOutcome | null;
  reason: string | null;
  /** Null for verification, resend (returnValue 2) and unknown requests. */
  truth: TruthComparison | null;
  ok: boolean;
}

export interface CheckerSummary {
  responses: number;
  ok: number;
  broken: number;
  outcomes: Partial<Record<MosipOutcome, number>>;
  truthAgreed: number;
  truthDisagreed: number;
  /** Live (not superseded) requests without any response yet. */
  unanswered: string[];
  problemCounts: Partial<Record<ProblemCode, number>>;
}

export interface CheckerOptions {
  truth?: ReadonlyMap<string, RequestTruth>;
  /** Response queue names; when a response says which queue it came from, it must be the right one. */
  queues?: { adjudication: string; verification: string };
}

export class ResponseChecker {
  private readonly requests = new Map<string, KnownRequest>();
  private readonly superseded = new Map<string, string>();
  private readonly answered = new Map<string, number>();
  private readonly verdicts: ResponseVerdict[] = [];

  constructor(
    requests: Iterable<KnownRequest & { supersedes?: string | null }> = [],
    private readonly opts: CheckerOptions = {},
  ) {
    for (const r of requests) this.addRequest(r);
  }

  addRequest(r: KnownRequest & { supersedes?: string | null }): void {
    this.requests.set(r.requestId, { kind: r.kind, requestId: r.requestId, referenceId: r.referenceId, gallery: r.gallery });
    if (r.supersedes) this.superseded.set(r.supersedes, r.requestId);
  }

  check(body: string | Uint8Array, meta: { queue?: string } = {}): ResponseVerdict {
    const verdict = this.evaluate(body, meta);
    this.verdicts.push(verdict);
    return verdict;
  }

  verdictsSoFar(): readonly ResponseVerdict[] {
    return this.verdicts;
  }

  summary(): CheckerSummary {
    const outcomes: CheckerSummary["outcomes"] = {};
    const problemCounts: CheckerSummary["problemCounts"] = {};
    let ok = 0;
    let agreed = 0;
    let disagreed = 0;
    for (const v of this.verdicts) {
      if (v.ok) ok++;
      if (v.outcome) outcomes[v.outcome] = (outcomes[v.outcome] ?? 0) + 1;
      for (const p of v.problems) problemCounts[p.code] = (problemCounts[p.code] ?? 0) + 1;
      if (v.truth) v.truth.agrees ? agreed++ : disagreed++;
    }
    const unanswered = [...this.requests.keys()].filter((id) => !this.superseded.has(id) && !this.answered.has(id));
    return {
      responses: this.verdicts.length,
      ok,
      broken: this.verdicts.length - ok,
      outcomes,
      truthAgreed: agreed,
      truthDisagreed: disagreed,
      unanswered,
      problemCounts,
    };
  }

  private evaluate(body: string | Uint8Array, meta: { queue?: string }): ResponseVerdict {
    const text = typeof body === "string" ? body : new TextDecoder("utf-8").decode(body);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return verdict(null, null, [{ code: "NOT_JSON", path: "", message: "response is not JSON (MOSIP logs and drops it)" }], null, null);
    }
    const requestId = isObject(json) && typeof json.requestId === "string" ? json.requestId : null;
    if (requestId === null) {
      return verdict(
        null,
        null,
        [{ code: "NO_REQUEST_ID", path: "requestId", message: "response has no requestId; MOSIP cannot correlate it" }],
        "DROPPED",
        "no requestId",
      );
    }
    const request = this.requests.get(requestId);
    if (!request) {
      return verdict(
        requestId,
        null,
        [{ code: "UNKNOWN_REQUEST", path: "requestId", message: "requestId was never sent (RPR-MVS-024: logged and dropped by MOSIP)" }],
        "DROPPED",
        "unknown requestId",
      );
    }

    const problems: Problem[] = [];
    const previous = this.answered.get(requestId) ?? 0;
    this.answered.set(requestId, previous + 1);
    if (previous > 0) {
      problems.push({
        code: "DUPLICATE_RESPONSE",
        path: "requestId",
        message: `response number ${previous + 1} for this requestId; MOSIP finds no INQUEUE record (RPR-MVS-004) and can mark the packet FAILED`,
      });
    }
    const newer = this.superseded.get(requestId);
    if (newer) {
      problems.push({
        code: "SUPERSEDED_REQUEST",
        path: "requestId",
        message: "this request was superseded by a re-send with a new requestId; MOSIP ignores answers to the old one",
      });
    }
    if (meta.queue && this.opts.queues) {
      const expected = request.kind === "ADJUDICATION" ? this.opts.queues.adjudication : this.opts.queues.verification;
      if (meta.queue !== expected)
        problems.push({
          code: "WRONG_QUEUE",
          path: "",
          message: `${request.kind.toLowerCase()} response arrived on ${meta.queue}, expected ${expected}`,
        });
    }

    const violations =
      request.kind === "ADJUDICATION" ? validateAdjudicationResponse(json, request) : validateVerificationResponse(json, request);
    problems.push(...violations);
    const { outcome, reason } =
      request.kind === "ADJUDICATION" ? mosipAdjudicationOutcome(json, request) : mosipVerificationOutcome(json, request);
    const truth =
      request.kind === "ADJUDICATION" && (outcome === "APPROVED" || outcome === "REJECTED") ? this.compare(requestId, json) : null;
    // A duplicate or superseded answer never reaches a decision on MOSIP's side.
    const effective: MosipOutcome = previous > 0 ? "FAILED" : newer ? "DROPPED" : outcome;
    return verdict(
      requestId,
      request.kind,
      problems,
      effective,
      previous > 0 ? "second response for the requestId" : newer ? "superseded requestId" : reason,
      truth,
    );
  }

  private compare(requestId: string, json: unknown): TruthComparison | null {
    const truth = this.opts.truth?.get(requestId);
    if (!truth) return null;
    const candidates =
      isObject(json) && isObject(json.candidateList) && Array.isArray(json.candidateList.candidates) ? json.candidateList.candidates : [];
    const confirmed = candidates.flatMap((c: unknown) => (isObject(c) && typeof c.referenceId === "string" ? [c.referenceId] : []));
    const unavailable = new Set(truth.unavailable);
    const duplicates = new Set(truth.duplicates);
    const expected = truth.duplicates.filter((rid) => !unavailable.has(rid));
    const missed = expected.filter((rid) => !confirmed.includes(rid));
    const wrong = confirmed.filter((rid: string) => !duplicates.has(rid));
    return { expected, confirmed, missed, wrong, agrees: missed.length === 0 && wrong.length === 0 };
  }
}

function verdict(
  requestId: string | null,
  kind: KnownRequest["kind"] | null,
  problems: Problem[],
  outcome: MosipOutcome | null,
  reason: string | null,
  truth: TruthComparison | null = null,
): ResponseVerdict {
  return { requestId, kind, problems, outcome, reason, truth, ok: problems.length === 0 };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
