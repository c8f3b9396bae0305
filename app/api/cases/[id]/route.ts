import { apiRoute, json } from "@/lib/http/api-route";
import { caseIdParams } from "@/lib/cases/case-params";
import { getCaseView } from "@/lib/cases/get-case-view";

export const dynamic = "force-dynamic";

// Assignees at the level the case waits for, and supervisors; getCaseView checks and audits.
export const GET = apiRoute({ permission: "signedIn", params: caseIdParams }, async ({ db, user, params }) =>
  json(await getCaseView(db.prisma, user, params.id)),
);
