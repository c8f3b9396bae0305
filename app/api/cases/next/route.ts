import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { claimNextCase } from "@/lib/cases/claim-next-case";
import { prefetchNextCases, warmOpenedCase } from "@/lib/cases/prefetch-cases";

export const dynamic = "force-dynamic";

export const POST = apiRoute(operations.claimNextCase, async ({ db, user }) => {
  const next = await claimNextCase(db.prisma, user);
  if (!next) return json({ caseId: null, message: "no case is waiting for you" });
  // The browser opens it next: its first thumbnails start now, and the case after it is prepared (prefetch-cases.ts).
  warmOpenedCase(db.prisma, user, next.caseId);
  prefetchNextCases(db.prisma, user.id, [next.caseId]);
  return json(next);
});
