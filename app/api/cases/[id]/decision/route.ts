import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { recordDecision } from "@/lib/cases/record-decision";
import { splitDecisionRequest } from "@/lib/cases/decision-input";
import { getEnv } from "@/lib/env/get-env";

export const dynamic = "force-dynamic";

// Operators decide their assigned reviews; supervisors resolve conflicts. recordDecision checks which applies.
export const POST = apiRoute(operations.recordDecision, async ({ db, user, params, body }) => {
  const { decision, hasteConfirmed } = splitDecisionRequest(body);
  return json({ outcome: await recordDecision(db.prisma, user, params.id, decision, getEnv().mosip, new Date(), { hasteConfirmed }) });
});
