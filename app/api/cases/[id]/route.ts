import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { getCaseView } from "@/lib/cases/get-case-view";

export const dynamic = "force-dynamic";

// Assignees at the level the case waits for, and supervisors; getCaseView checks and audits.
export const GET = apiRoute(operations.getCase, async ({ db, user, params }) => json(await getCaseView(db.prisma, user, params.id)));
