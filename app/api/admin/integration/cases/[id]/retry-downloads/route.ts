import { apiRoute, json } from "@/lib/http/api-route";
import { HttpError } from "@/lib/http/http-error";
import { caseIdParams, retryBody } from "@/lib/integration/list-integration";
import { retryCaseDownloads, RetryNotAllowedError } from "@/lib/datashare/retry-case-downloads";
import { getMosipBridge } from "@/lib/bridge/mosip-bridge-instance";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "integration.operate", params: caseIdParams, body: retryBody }, async ({ db, user, params }) => {
  let queued: number;
  try {
    // Audited inside, in the same transaction as the change.
    queued = await retryCaseDownloads(db.prisma, params.id, user);
  } catch (e) {
    if (e instanceof RetryNotAllowedError) throw new HttpError(e.message === "case not found" ? 404 : 409, e.message);
    throw e;
  }
  getMosipBridge()?.downloads.kick();
  return json({ queued });
});
