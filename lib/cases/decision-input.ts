import { z } from "zod";
import { FINGER_POSITIONS } from "@/lib/biometrics/positions";

const comment = z.string().trim().max(2000, "must be at most 2000 characters");

export const candidateVerdict = z.strictObject({
  referenceId: z.string().min(1).max(64),
  duplicate: z.boolean(),
  modalities: z
    .strictObject({
      face: z.boolean().optional(),
      fingers: z.array(z.enum(FINGER_POSITIONS)).max(10).optional(),
      irises: z
        .array(z.enum(["LEFT", "RIGHT"]))
        .max(2)
        .optional(),
    })
    .optional(),
});
export type CandidateVerdict = z.output<typeof candidateVerdict>;

/**
 * The body of POST /api/cases/{id}/decision: per-candidate verdicts for an adjudication case,
 * "cannot adjudicate" (MOSIP resend), or approve/reject for a verification case.
 */
const verdicts = z.strictObject({
  candidates: z.array(candidateVerdict).min(1, "give a verdict for every candidate").max(100),
  comment: comment.optional(),
});
const cannotAdjudicate = z.strictObject({
  cannotAdjudicate: z.literal(true),
  comment: comment.min(1, "say why the case cannot be adjudicated"),
});
const approve = z.strictObject({ approve: z.boolean(), comment: comment.optional() });
export const decisionBody = z.union([verdicts, cannotAdjudicate, approve]);
export type DecisionInput = z.output<typeof decisionBody>;

/**
 * What the officer confirmed with the decision: that they mean it although it comes sooner than the case's
 * minimum dwell time (lib/cases/dwell-guard.ts). Not part of the decision: never stored in its body.
 */
const confirmation = { hasteConfirmed: z.boolean().optional() };

/** The request body of POST /api/cases/{id}/decision: a decision and the officer's confirmation. */
export const decisionRequest = z.union([
  verdicts.extend(confirmation),
  cannotAdjudicate.extend(confirmation),
  approve.extend(confirmation),
]);

export function splitDecisionRequest(body: z.output<typeof decisionRequest>): { decision: DecisionInput; hasteConfirmed: boolean } {
  const { hasteConfirmed, ...decision } = body;
  return { decision: decision as DecisionInput, hasteConfirmed: hasteConfirmed === true };
}

export type DecisionKind = "VERDICTS" | "CANNOT_ADJUDICATE" | "APPROVE" | "REJECT";

export function decisionKind(d: DecisionInput): DecisionKind {
  if ("candidates" in d) return "VERDICTS";
  if ("cannotAdjudicate" in d) return "CANNOT_ADJUDICATE";
  return d.approve ? "APPROVE" : "REJECT";
}
