import { apiRoute, json } from "@/lib/http/api-route";
import { checkHealth } from "@/lib/boot/check-health";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "public" }, async ({ db }) => {
  const health = await checkHealth(db);
  return json(health, health.status === "ok" ? 200 : 503);
});
