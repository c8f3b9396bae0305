import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { listIntakeErrors } from "@/lib/integration/list-integration";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listIntakeErrors, async ({ db, query }) => json(await listIntakeErrors(db.prisma, query)));
