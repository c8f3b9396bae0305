import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listUsers, async ({ db }) => json({ users: await listUsers(db.prisma) }));

export const POST = apiRoute(operations.createUser, async ({ db, user, body }) => json(await createUser(db.prisma, user, body), 201));
