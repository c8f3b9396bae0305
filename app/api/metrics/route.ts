import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { metricsAccess } from "@/lib/http/metrics-access";
import { refreshMetricGauges } from "@/lib/integration/refresh-metric-gauges";
import { scrape } from "@/lib/metrics/metrics";
import { getEnv } from "@/lib/env/get-env";

export const dynamic = "force-dynamic";

// Public in the registry (no session): the scraper proves itself with the bearer token instead.
export const GET = apiRoute(operations.metrics, async ({ req, db }) => {
  const env = getEnv();
  const access = metricsAccess({ ...env.metrics, production: env.production }, req.headers.get("authorization"));
  if (access === "disabled") return json({ error: "not found" }, 404);
  if (access === "unauthorized") {
    const res = json({ error: "send Authorization: Bearer <MAS_METRICS_TOKEN>" }, 401);
    res.headers.set("WWW-Authenticate", 'Bearer realm="metrics"');
    return res;
  }
  await refreshMetricGauges(db.prisma);
  const { text, contentType } = await scrape();
  return new Response(text, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
