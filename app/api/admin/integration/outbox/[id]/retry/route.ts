import { apiRoute, json } from "@/lib/http/api-route";
import { outboxIdParams, retryBody } from "@/lib/integration/list-integration";
import { retryFailedResponse } from "@/lib/outbox/resolve-uncertain";
import { getResponsePublisher } from "@/lib/outbox/start-response-publisher";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { permission: "integration.operate", params: outboxIdParams, body: retryBody },
  async ({ db, user, params }) => {
    await retryFailedResponse(db.prisma, params.id, user);
    getResponsePublisher()?.kick();
    return json({ ok: true });
  },
);
