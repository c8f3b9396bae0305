import { apiRoute, json } from "@/lib/http/api-route";
import { listDatashareFailures } from "@/lib/integration/list-integration";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "integration.view" }, async ({ db }) => json({ cases: await listDatashareFailures(db.prisma) }));
