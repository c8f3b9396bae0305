import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { getEnv } from "@/lib/env/get-env";
import { assignTrainingCases } from "@/lib/known-answers/assign-training-cases";
import { runtimeSynthesis } from "@/lib/known-answers/known-answer-synthesis";

export const dynamic = "force-dynamic";

export const POST = apiRoute(operations.assignTraining, async ({ db, user, body }) => {
  const env = getEnv();
  return json(await assignTrainingCases(db.prisma, user, body, { synthesize: runtimeSynthesis(env), mosip: env.mosip }), 201);
});
