import { apiRoute, json } from "@/lib/http/api-route";
import { auditQuery, listAudit } from "@/lib/audit/list-audit";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "audit.read", query: auditQuery }, async ({ db, query }) =>
  json(await listAudit(db.prisma, query)),
);
