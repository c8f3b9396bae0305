import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { DEFAULT_GUARD_SETTINGS, getGuardSettings, updateGuardSettings } from "@/lib/settings/guard-settings";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.getGuardSettings, async ({ db }) =>
  json({ settings: await getGuardSettings(db.prisma), defaults: DEFAULT_GUARD_SETTINGS }),
);

export const PUT = apiRoute(operations.updateGuardSettings, async ({ db, user, body }) =>
  json(await updateGuardSettings(db.prisma, user, body)),
);
