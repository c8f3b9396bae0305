import { apiRoute, json } from "@/lib/http/api-route";
import { roleParams, setRolePermissionsBody, setRolePermissions } from "@/lib/auth/role-permissions";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(
  { permission: "roles.manage", params: roleParams, body: setRolePermissionsBody },
  async ({ db, user, params, body }) => json(await setRolePermissions(db.prisma, user, params.role, body.permissions)),
);
