import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { loadDashboard } from "@/lib/supervision/load-dashboard";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.dashboard, async ({ db }) => json(await loadDashboard(db.prisma)));
