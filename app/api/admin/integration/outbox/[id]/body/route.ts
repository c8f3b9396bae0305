import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { readOutboxBody } from "@/lib/integration/read-outbox-body";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.readOutboxBody, async ({ db, user, params }) =>
  json(await readOutboxBody(db.prisma, user, params.id)),
);
