import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { listCases } from "@/lib/cases/list-cases";
import { getAdjudicationSettings } from "@/lib/settings/adjudication-settings";

export const dynamic = "force-dynamic";

// scope=mine needs queue.own and scope=all needs cases.viewAll; listCases checks which. The deadline warning
// comes along so that a list highlights the cases near MOSIP's deadline as the dashboard does.
export const GET = apiRoute(operations.listCases, async ({ db, user, query }) =>
  json({
    cases: await listCases(db.prisma, user, query),
    deadlineWarningMinutes: (await getAdjudicationSettings(db.prisma)).deadlineWarningMinutes,
  }),
);
