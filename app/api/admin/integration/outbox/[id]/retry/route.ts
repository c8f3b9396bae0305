import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { retryFailedResponse } from "@/lib/outbox/resolve-uncertain";
import { getResponsePublisher } from "@/lib/outbox/start-response-publisher";

export const dynamic = "force-dynamic";

export const POST = apiRoute(operations.retryOutboxMessage, async ({ db, user, params }) => {
  await retryFailedResponse(db.prisma, params.id, user);
  getResponsePublisher()?.kick();
  return json({ ok: true });
});
