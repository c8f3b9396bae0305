import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { resolveUncertain } from "@/lib/outbox/resolve-uncertain";
import { getResponsePublisher } from "@/lib/outbox/start-response-publisher";

export const dynamic = "force-dynamic";

export const POST = apiRoute(operations.resolveOutboxMessage, async ({ db, user, params, body }) => {
  await resolveUncertain(db.prisma, params.id, body.resolution, user);
  if (body.resolution === "sendNow") getResponsePublisher()?.kick();
  return json({ ok: true });
});
