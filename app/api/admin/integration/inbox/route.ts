import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { listInbox } from "@/lib/integration/list-integration";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listInbox, async ({ db, query }) => json(await listInbox(db.prisma, query)));
