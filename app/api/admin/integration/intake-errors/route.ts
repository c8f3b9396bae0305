import { apiRoute, json } from "@/lib/http/api-route";
import { listIntakeErrors, pageQuery } from "@/lib/integration/list-integration";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "integration.view", query: pageQuery }, async ({ db, query }) =>
  json(await listIntakeErrors(db.prisma, query)),
);
