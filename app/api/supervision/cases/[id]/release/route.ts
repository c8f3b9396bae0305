import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { releaseCase } from "@/lib/cases/release-case";

export const dynamic = "force-dynamic";

export const POST = apiRoute(operations.releaseCase, async ({ db, user, params, body }) =>
  json(await releaseCase(db.prisma, user, params.id, body)),
);
