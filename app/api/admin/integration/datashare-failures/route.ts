import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { listDatashareFailures } from "@/lib/integration/list-integration";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listDatashareFailures, async ({ db }) => json({ cases: await listDatashareFailures(db.prisma) }));
