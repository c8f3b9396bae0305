import { apiRoute, json } from "@/lib/http/api-route";
import { caseIdParams } from "@/lib/cases/case-params";
import { releaseBody, releaseCase } from "@/lib/cases/release-case";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { permission: "cases.reassign", params: caseIdParams, body: releaseBody },
  async ({ db, user, params, body }) => json(await releaseCase(db.prisma, user, params.id, body)),
);
