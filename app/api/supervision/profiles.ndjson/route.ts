import { apiRoute } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { exportProfiles } from "@/lib/analytics/export-profiles";
import { getEnv } from "@/lib/env/get-env";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  operations.exportProfiles,
  async ({ db, query }) =>
    new Response(exportProfiles(db.prisma, query, getEnv().profileMinGroup), {
      headers: {
        "Content-Type": "application/x-ndjson; charset=utf-8",
        "Content-Disposition": `attachment; filename="adjudication-profiles${query.format === "bulk" ? "-bulk" : ""}.ndjson"`,
        "Cache-Control": "no-store",
      },
    }),
);
