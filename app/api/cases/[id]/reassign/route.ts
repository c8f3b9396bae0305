import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { reassignCase } from "@/lib/cases/reassign-case";
import { prefetchNextCases } from "@/lib/cases/prefetch-cases";

export const dynamic = "force-dynamic";

export const POST = apiRoute(operations.reassignCase, async ({ db, user, params, body }) => {
  await reassignCase(db.prisma, user, params.id, body);
  // The new reviewer's next cases (this one among them) are prepared in memory for them.
  prefetchNextCases(db.prisma, body.userId);
  return json({ ok: true });
});
