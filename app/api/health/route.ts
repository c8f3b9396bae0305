import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { healthFor } from "@/lib/boot/check-health";
import { getCurrentUser } from "@/lib/session/current-user";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.health, async ({ db }) => {
  // Public route: the session is read only to decide how much to tell.
  const health = await healthFor(db, await getCurrentUser().catch(() => null));
  return json(health, health.status === "ok" ? 200 : 503);
});
