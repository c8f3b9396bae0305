import { apiRoute, json } from "@/lib/http/api-route";
import { createUserBody } from "@/lib/users/user-schemas";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "users.read" }, async ({ db }) => json({ users: await listUsers(db.prisma) }));

export const POST = apiRoute({ permission: "users.manage", body: createUserBody }, async ({ db, user, body }) =>
  json(await createUser(db.prisma, user, body), 201),
);
