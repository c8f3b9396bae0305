import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { DEFAULT_QUALITY_SETTINGS, getQualitySettings, updateQualitySettings } from "@/lib/settings/quality-settings";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.getQualitySettings, async ({ db }) =>
  json({ settings: await getQualitySettings(db.prisma), defaults: DEFAULT_QUALITY_SETTINGS }),
);

export const PUT = apiRoute(operations.updateQualitySettings, async ({ db, user, body }) =>
  json(await updateQualitySettings(db.prisma, user, body)),
);
