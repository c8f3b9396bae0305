import { apiRoute, json } from "@/lib/http/api-route";
import { outboxIdParams, resolveBody } from "@/lib/integration/list-integration";
import { resolveUncertain } from "@/lib/outbox/resolve-uncertain";
import { getResponsePublisher } from "@/lib/outbox/start-response-publisher";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { permission: "integration.operate", params: outboxIdParams, body: resolveBody },
  async ({ db, user, params, body }) => {
    await resolveUncertain(db.prisma, params.id, body.resolution, user);
    if (body.resolution === "sendNow") getResponsePublisher()?.kick();
    return json({ ok: true });
  },
);
