import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { setRolePermissions } from "@/lib/auth/role-permissions";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(operations.setRolePermissions, async ({ db, user, params, body }) =>
  json(await setRolePermissions(db.prisma, user, params.role, body.permissions)),
);
