import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { DomainError } from "@/lib/errors/domain-error";
import { getUser } from "@/lib/users/list-users";
import { updateUser } from "@/lib/users/update-user";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.getUser, async ({ db, params }) => {
  const user = await getUser(db.prisma, params.id);
  if (!user) throw new DomainError("not_found", "no such user");
  return json(user);
});

export const PATCH = apiRoute(operations.updateUser, async ({ db, user, params, body }) =>
  json(await updateUser(db.prisma, user, params.id, body)),
);
