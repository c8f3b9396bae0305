import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { checkHealth } from "@/lib/boot/check-health";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.health, async ({ db }) => {
  const health = await checkHealth(db);
  return json(health, health.status === "ok" ? 200 : 503);
});
