import { apiRoute } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { figuresCsv } from "@/lib/quality/figures-csv";
import { loadQualityFigures } from "@/lib/quality/load-quality-figures";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  operations.qualityFiguresCsv,
  async ({ db, query }) =>
    new Response(figuresCsv(await loadQualityFigures(db.prisma, query)), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="decision-quality-${query.month ?? `${query.days}d`}.csv"`,
        "Cache-Control": "no-store",
      },
    }),
);
