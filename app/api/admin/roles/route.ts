import { apiRoute, json } from "@/lib/http/api-route";
import { listRolePermissions } from "@/lib/auth/role-permissions";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "roles.manage" }, async ({ db }) => json(await listRolePermissions(db.prisma)));
