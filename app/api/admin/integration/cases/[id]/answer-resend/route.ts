import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { answerResend } from "@/lib/cases/answer-resend";
import { getEnv } from "@/lib/env/get-env";
import { getResponsePublisher } from "@/lib/outbox/start-response-publisher";

export const dynamic = "force-dynamic";

export const POST = apiRoute(operations.answerResend, async ({ db, user, params }) => {
  const r = await answerResend(db.prisma, params.id, getEnv().mosip, user);
  getResponsePublisher()?.kick();
  return json(r);
});
