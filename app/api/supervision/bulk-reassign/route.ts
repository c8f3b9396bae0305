import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { bulkReassign } from "@/lib/cases/bulk-reassign";
import { prefetchNextCases } from "@/lib/cases/prefetch-cases";

export const dynamic = "force-dynamic";

// 200 even when some cases could not move: the body says, case by case, what happened.
export const POST = apiRoute(operations.bulkReassign, async ({ db, user, body }) => {
  const results = await bulkReassign(db.prisma, user, body);
  if (results.some((r) => r.ok)) prefetchNextCases(db.prisma, body.userId);
  return json({ moved: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results });
});
