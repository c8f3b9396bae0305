import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { checkReadiness } from "@/lib/boot/check-readiness";
import { getEnv } from "@/lib/env/get-env";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.healthReady, async ({ db }) => {
  const r = await checkReadiness(db, getEnv().roles);
  return json(r, r.ready ? 200 : 503);
});
