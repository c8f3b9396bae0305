import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { reassignCase } from "@/lib/cases/reassign-case";

export const dynamic = "force-dynamic";

export const POST = apiRoute(operations.reassignCase, async ({ db, user, params, body }) => {
  await reassignCase(db.prisma, user, params.id, body);
  return json({ ok: true });
});
