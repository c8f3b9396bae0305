import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { listOutbox } from "@/lib/integration/list-integration";
import { countOutbox } from "@/lib/outbox/count-outbox";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listOutbox, async ({ db, query }) => {
  const [messages, counts] = await Promise.all([listOutbox(db.prisma, query), countOutbox(db.prisma)]);
  return json({ messages, counts });
});
