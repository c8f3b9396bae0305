import {
  buildAdjudicationDecisionResponse,
  buildCannotAdjudicateResponse,
  buildVerificationResponse,
  type AdjudicationResponse,
  type OperatorAnalytics,
  type VerificationResponse,
} from "@/lib/mosip/adjudication-response";
import type { FingerName, IrisName, MatchedModalities } from "@/lib/mosip/modalities";
import type { SingleFingerPosition } from "@/lib/biometrics/positions";
import type { CandidateVerdict, DecisionInput } from "./decision-input";

export interface Reviewer {
  username: string;
  comment?: string | null;
}

export interface DecidedCase {
  kind: "ADJUDICATION" | "VERIFICATION";
  requestId: string;
  gallery: readonly { referenceId: string }[];
}

const FINGER: Record<SingleFingerPosition, FingerName> = {
  RIGHT_THUMB: "Right_Thumb",
  RIGHT_INDEX: "Right_Index",
  RIGHT_MIDDLE: "Right_Middle",
  RIGHT_RING: "Right_Ring",
  RIGHT_LITTLE: "Right_Little",
  LEFT_THUMB: "Left_Thumb",
  LEFT_INDEX: "Left_Index",
  LEFT_MIDDLE: "Left_Middle",
  LEFT_RING: "Left_Ring",
  LEFT_LITTLE: "Left_Little",
};
const IRIS: Record<"LEFT" | "RIGHT", IrisName> = { LEFT: "Left_Iris", RIGHT: "Right_Iris" };

export function matchedModalities(v: CandidateVerdict): MatchedModalities {
  return {
    face: v.modalities?.face ?? false,
    fingers: (v.modalities?.fingers ?? []).map((f) => FINGER[f]),
    irises: (v.modalities?.irises ?? []).map((i) => IRIS[i]),
  };
}

/**
 * The response MOSIP gets for a case's final decision. `decision` is the final one (the agreed decision,
 * or the supervisor's resolution); the reviewers' ids and comments go into the analytics.
 */
export function buildCaseResponse(args: {
  kase: DecidedCase;
  decision: DecisionInput;
  primary: Reviewer;
  secondary?: Reviewer | null;
  supervisor?: Reviewer | null;
  verificationRejectValue: number;
  now?: Date;
}): AdjudicationResponse | VerificationResponse {
  const { kase, decision, now } = args;
  const operators: OperatorAnalytics = {
    primaryOperatorID: args.primary.username,
    ...(args.primary.comment ? { primaryOperatorComments: args.primary.comment } : {}),
    ...(args.secondary ? { secondaryOperatorID: args.secondary.username } : {}),
    ...(args.secondary?.comment ? { secondaryOperatorComments: args.secondary.comment } : {}),
    ...(args.supervisor ? { supervisorID: args.supervisor.username } : {}),
    ...(args.supervisor?.comment ? { supervisorComments: args.supervisor.comment } : {}),
  };
  if (kase.kind === "VERIFICATION") {
    if ("cannotAdjudicate" in decision)
      return buildVerificationResponse({ requestId: kase.requestId, decision: "RESEND", rejectValue: args.verificationRejectValue, now });
    if (!("approve" in decision)) throw new Error("a verification case is decided by approve or reject");
    return buildVerificationResponse({
      requestId: kase.requestId,
      decision: decision.approve ? "APPROVE" : "REJECT",
      rejectValue: args.verificationRejectValue,
      now,
    });
  }
  if ("cannotAdjudicate" in decision)
    return buildCannotAdjudicateResponse({ requestId: kase.requestId, operators, reason: decision.comment, now });
  if (!("candidates" in decision)) throw new Error("an adjudication case is decided by per-candidate verdicts");
  const dups = decision.candidates.filter((c) => c.duplicate);
  return buildAdjudicationDecisionResponse({
    request: { requestId: kase.requestId, gallery: kase.gallery },
    decision: dups.length
      ? { outcome: "DUPLICATE", candidates: dups.map((c) => ({ referenceId: c.referenceId, matched: matchedModalities(c) })) }
      : { outcome: "NOT_DUPLICATE" },
    operators,
    now,
  });
}
