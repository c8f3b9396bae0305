import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { authorizeCaseRead } from "@/lib/cases/authorize-case-read";
import { compareFingerPair } from "@/lib/cases/compare-finger-pair";
import { getFingerWorkPool } from "@/lib/cases/finger-work-pool";

export const dynamic = "force-dynamic";

// The images' access rule and audit row (role and assignment), checked before any template is made or read.
export const GET = apiRoute(operations.getFingerPairMinutiae, async ({ db, user, params }) => {
  await authorizeCaseRead(db.prisma, user, params.id, params.candidate, "fingerComparison");
  return json(await compareFingerPair(db.prisma, params.id, params.candidate, params.position, getFingerWorkPool));
});
