import { apiRoute, json } from "@/lib/http/api-route";
import { caseIdParams } from "@/lib/cases/case-params";
import { answerResend, answerResendBody } from "@/lib/cases/answer-resend";
import { getEnv } from "@/lib/env/get-env";
import { getResponsePublisher } from "@/lib/outbox/start-response-publisher";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { permission: "integration.operate", params: caseIdParams, body: answerResendBody },
  async ({ db, user, params }) => {
    const r = await answerResend(db.prisma, params.id, getEnv().mosip, user);
    getResponsePublisher()?.kick();
    return json(r);
  },
);
