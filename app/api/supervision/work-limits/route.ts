import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { loadWorkLimits } from "@/lib/supervision/load-work-limits";

export const dynamic = "force-dynamic";

// Who is near a fatigue limit, for the supervisor (JSON; the screen comes with the supervisor's page).
export const GET = apiRoute(operations.workLimits, async ({ db }) => json(await loadWorkLimits(db.prisma, new Date())));
