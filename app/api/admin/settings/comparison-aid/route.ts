import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { DEFAULT_COMPARISON_AID, getComparisonAidSettings, updateComparisonAidSettings } from "@/lib/settings/comparison-aid-settings";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.getComparisonAidSettings, async ({ db }) =>
  json({ settings: await getComparisonAidSettings(db.prisma), defaults: DEFAULT_COMPARISON_AID }),
);

export const PUT = apiRoute(operations.updateComparisonAidSettings, async ({ db, user, body }) =>
  json(await updateComparisonAidSettings(db.prisma, user, body)),
);
