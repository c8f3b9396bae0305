import { apiRoute, json } from "@/lib/http/api-route";
import { listOutbox, outboxQuery } from "@/lib/integration/list-integration";
import { countOutbox } from "@/lib/outbox/count-outbox";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "integration.view", query: outboxQuery }, async ({ db, query }) => {
  const [messages, counts] = await Promise.all([listOutbox(db.prisma, query), countOutbox(db.prisma)]);
  return json({ messages, counts });
});
