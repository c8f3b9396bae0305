import { apiRoute, json } from "@/lib/http/api-route";
import { operations } from "@/lib/http/operations";
import { listRolePermissions } from "@/lib/auth/role-permissions";

export const dynamic = "force-dynamic";

export const GET = apiRoute(operations.listRoles, async ({ db }) => json(await listRolePermissions(db.prisma)));
