import { apiRoute } from "@/lib/http/api-route";
import { exportProfiles, exportProfilesQuery } from "@/lib/analytics/export-profiles";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  { permission: "analytics.export", query: exportProfilesQuery },
  async ({ db, query }) =>
    new Response(exportProfiles(db.prisma, query), {
      headers: {
        "Content-Type": "application/x-ndjson; charset=utf-8",
        "Content-Disposition": `attachment; filename="adjudication-profiles${query.format === "bulk" ? "-bulk" : ""}.ndjson"`,
        "Cache-Control": "no-store",
      },
    }),
);
