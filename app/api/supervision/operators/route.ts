import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { loadWorkload } from "@/lib/supervision/load-dashboard";
import { getAdjudicationSettings } from "@/lib/settings/adjudication-settings";

export const dynamic = "force-dynamic";

// The reassignment targets with their load, so a supervisor can see who has room before moving cases.
export const GET = apiRoute(operations.operatorWorkload, async ({ db }) => {
  const settings = await getAdjudicationSettings(db.prisma);
  return json({ operators: await loadWorkload(db.prisma, new Date(), settings.defaultCaseCap) });
});
