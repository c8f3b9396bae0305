import { apiRoute, json } from "@/lib/http/api-route";
import { caseIdParams } from "@/lib/cases/case-params";
import { reassignBody, reassignCase } from "@/lib/cases/reassign-case";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { permission: "cases.reassign", params: caseIdParams, body: reassignBody },
  async ({ db, user, params, body }) => {
    await reassignCase(db.prisma, user, params.id, body);
    return json({ ok: true });
  },
);
