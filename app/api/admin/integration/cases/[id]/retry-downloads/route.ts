import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { retryCaseDownloads } from "@/lib/cases/retry-case-downloads";
import { getMosipBridge } from "@/lib/bridge/mosip-bridge-instance";

export const dynamic = "force-dynamic";

export const POST = apiRoute(operations.retryCaseDownloads, async ({ db, user, params }) => {
  // Audited inside, in the same transaction as the change.
  const queued = await retryCaseDownloads(db.prisma, params.id, user);
  getMosipBridge()?.downloads.kick();
  return json({ queued });
});
