import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { isPermission, type Permission, type Role } from "./permissions";

export interface SessionUser {
  id: string;
  username: string;
  displayName: string | null;
  roles: Role[];
  permissions: Permission[];
  canPrimary: boolean;
  canSecondary: boolean;
}

/**
 * The signed-in user as the database has them now. Roles and permissions are read on every request,
 * so a role change, a permission edit or a deactivation takes effect at once, not at the next sign-in.
 */
export async function loadUser(prisma: PrismaClient, id: string): Promise<SessionUser | null> {
  const user = await prisma.user.findUnique({ where: { id }, include: { roles: true } });
  if (!user?.active) return null;
  const roles = user.roles.map((r) => r.role as Role);
  const grants = roles.length ? await prisma.rolePermission.findMany({ where: { role: { in: roles } } }) : [];
  const permissions = [...new Set(grants.map((g) => g.permission).filter(isPermission))].sort();
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles,
    permissions,
    canPrimary: user.canPrimary,
    canSecondary: user.canSecondary,
  };
}
