import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { claimNextCase } from "@/lib/cases/claim-next-case";

export const dynamic = "force-dynamic";

export const POST = apiRoute(operations.claimNextCase, async ({ db, user }) => {
  const next = await claimNextCase(db.prisma, user);
  return next ? json(next) : json({ caseId: null, message: "no case is waiting for you" });
});
