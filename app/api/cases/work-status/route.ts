import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { loadOwnWorkStatus } from "@/lib/cases/work-status";
import { getGuardSettings } from "@/lib/settings/guard-settings";

export const dynamic = "force-dynamic";

// The caller's own figures against the work limits: their queue page says when a limit holds new work back.
export const GET = apiRoute(operations.ownWorkStatus, async ({ db, user }) =>
  json(await loadOwnWorkStatus(db.prisma, user.id, await getGuardSettings(db.prisma), new Date())),
);
