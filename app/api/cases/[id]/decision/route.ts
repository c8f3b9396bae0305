import { apiRoute, json } from "@/lib/http/api-route";
import { caseIdParams } from "@/lib/cases/case-params";
import { decisionBody } from "@/lib/cases/decision-input";
import { recordDecision } from "@/lib/cases/record-decision";
import { getEnv } from "@/lib/env/get-env";

export const dynamic = "force-dynamic";

// Operators decide their assigned reviews; supervisors resolve conflicts. recordDecision checks which applies.
export const POST = apiRoute({ permission: "signedIn", params: caseIdParams, body: decisionBody }, async ({ db, user, params, body }) =>
  json({ outcome: await recordDecision(db.prisma, user, params.id, body, getEnv().mosip) }),
);
