import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { recordDecision } from "@/lib/cases/record-decision";
import { splitDecisionRequest } from "@/lib/cases/decision-input";
import { getEnv } from "@/lib/env/get-env";
import { trainingFeedback } from "@/lib/quality/training-feedback";

export const dynamic = "force-dynamic";

// Operators decide their assigned reviews; supervisors resolve conflicts. recordDecision checks which applies.
// Only a training case's trainee gets feedback: every other answer is the outcome alone.
export const POST = apiRoute(operations.recordDecision, async ({ db, user, params, body }) => {
  const { decision, hasteConfirmed } = splitDecisionRequest(body);
  const outcome = await recordDecision(db.prisma, user, params.id, decision, getEnv().mosip, new Date(), { hasteConfirmed });
  const feedback = await trainingFeedback(db.prisma, user.id, params.id);
  return json(feedback ? { outcome, feedback } : { outcome });
});
