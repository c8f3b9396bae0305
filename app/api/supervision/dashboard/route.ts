import { apiRoute, json } from "@/lib/http/api-route";
import { loadDashboard } from "@/lib/supervision/load-dashboard";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "cases.viewAll" }, async ({ db }) => json(await loadDashboard(db.prisma)));
