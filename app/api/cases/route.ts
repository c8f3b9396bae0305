import { apiRoute, json } from "@/lib/http/api-route";
import { listCases, listCasesQuery } from "@/lib/cases/list-cases";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "queue.own", query: listCasesQuery }, async ({ db, user, query }) =>
  json({ cases: await listCases(db.prisma, user, query) }),
);
