import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { getEnv } from "@/lib/env/get-env";
import { DEFAULT_SETTINGS, getAdjudicationSettings, type AdjudicationSettings } from "@/lib/settings/adjudication-settings";
import { listOperatorCaps, updateSettings } from "@/lib/settings/update-settings";

export const dynamic = "force-dynamic";

// Until an admin saves, the reject value is the installation's MOSIP_VERIFICATION_REJECT_VALUE.
const defaults = (): AdjudicationSettings => ({ ...DEFAULT_SETTINGS, verificationRejectValue: getEnv().mosip.verificationRejectValue });

export const GET = apiRoute(operations.getSettings, async ({ db }) =>
  json({
    settings: await getAdjudicationSettings(db.prisma, defaults()),
    defaults: defaults(),
    operators: await listOperatorCaps(db.prisma),
  }),
);

export const PUT = apiRoute(operations.updateSettings, async ({ db, user, body }) =>
  json(await updateSettings(db.prisma, user, body, defaults())),
);
