import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { loadQualityFigures } from "@/lib/quality/load-quality-figures";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.qualityFigures, async ({ db, query }) => json(await loadQualityFigures(db.prisma, query)));
