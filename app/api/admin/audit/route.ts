import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { listAudit } from "@/lib/audit/list-audit";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listAudit, async ({ db, query }) => json(await listAudit(db.prisma, query)));
