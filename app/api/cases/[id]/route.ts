import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { getCaseView } from "@/lib/cases/get-case-view";
import { prefetchNextCases, warmOpenedCase } from "@/lib/cases/prefetch-cases";

export const dynamic = "force-dynamic";

// Assignees at the level the case waits for, and supervisors; getCaseView checks and audits. Meanwhile the
// thumbnails on screen start decoding, and a reviewer's next cases are prepared in memory (prefetch-cases.ts).
export const GET = apiRoute(operations.getCase, async ({ db, user, params }) => {
  warmOpenedCase(db.prisma, user, params.id);
  const view = await getCaseView(db.prisma, user, params.id);
  if (view.role !== "SUPERVISOR") prefetchNextCases(db.prisma, user.id, [view.id]);
  return json(view);
});
