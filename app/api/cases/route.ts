import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { listCases } from "@/lib/cases/list-cases";

export const dynamic = "force-dynamic";

// scope=mine needs queue.own and scope=all needs cases.viewAll; listCases checks which.
export const GET = apiRoute(operations.listCases, async ({ db, user, query }) => json({ cases: await listCases(db.prisma, user, query) }));
