import { apiRoute, json } from "@/lib/http/api-route";
import { caseIdParams } from "@/lib/cases/case-params";
import { retryCaseDownloads, retryDownloadsBody as retryBody } from "@/lib/cases/retry-case-downloads";
import { getMosipBridge } from "@/lib/bridge/mosip-bridge-instance";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "integration.operate", params: caseIdParams, body: retryBody }, async ({ db, user, params }) => {
  // Audited inside, in the same transaction as the change.
  const queued = await retryCaseDownloads(db.prisma, params.id, user);
  getMosipBridge()?.downloads.kick();
  return json({ queued });
});
