import { apiRoute, json } from "@/lib/http/api-route";
import { DomainError } from "@/lib/errors/domain-error";
import { updateUserBody, userIdParams } from "@/lib/users/user-schemas";
import { getUser } from "@/lib/users/list-users";
import { updateUser } from "@/lib/users/update-user";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "users.read", params: userIdParams }, async ({ db, params }) => {
  const user = await getUser(db.prisma, params.id);
  if (!user) throw new DomainError("not_found", "no such user");
  return json(user);
});

export const PATCH = apiRoute(
  { permission: "users.manage", params: userIdParams, body: updateUserBody },
  async ({ db, user, params, body }) => json(await updateUser(db.prisma, user, params.id, body)),
);
