import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { DomainError } from "@/lib/errors/domain-error";
import type { SessionUser } from "./load-user";
import { ADMIN_LOCKOUT_GUARD, PERMISSION_NAMES, PERMISSIONS, ROLE_NAMES, type Permission, type Role } from "./permissions";

export const roleParams = z.object({ role: z.enum(ROLE_NAMES) });
export const setRolePermissionsBody = z.strictObject({
  permissions: z
    .array(z.enum(PERMISSION_NAMES as [Permission, ...Permission[]]))
    .refine((p) => new Set(p).size === p.length, "lists a permission twice"),
});

export interface RoleView {
  role: Role;
  permissions: Permission[];
}

export async function listRolePermissions(
  prisma: PrismaClient,
): Promise<{ roles: RoleView[]; permissions: { name: Permission; description: string }[] }> {
  const rows = await prisma.rolePermission.findMany();
  return {
    roles: ROLE_NAMES.map((role) => ({
      role,
      permissions: rows
        .filter((r) => r.role === role)
        .map((r) => r.permission as Permission)
        .filter((p) => PERMISSION_NAMES.includes(p))
        .sort(),
    })),
    permissions: PERMISSION_NAMES.map((name) => ({ name, description: PERMISSIONS[name] })),
  };
}

/** Replaces the permissions a role holds. The ADMIN role always keeps what it needs to manage users and roles. */
export async function setRolePermissions(
  prisma: PrismaClient,
  actor: SessionUser,
  role: Role,
  permissions: Permission[],
): Promise<RoleView> {
  if (role === "ADMIN") {
    const missing = ADMIN_LOCKOUT_GUARD.filter((p) => !permissions.includes(p));
    if (missing.length)
      throw new DomainError(
        "conflict",
        `the ADMIN role must keep ${missing.join(" and ")}, or nobody could manage users and roles`,
        "permissions",
      );
  }
  return prisma.$transaction(async (tx) => {
    const before = (await tx.rolePermission.findMany({ where: { role } })).map((r) => r.permission);
    await tx.rolePermission.deleteMany({ where: { role } });
    if (permissions.length) await tx.rolePermission.createMany({ data: permissions.map((permission) => ({ role, permission })) });
    const added = permissions.filter((p) => !before.includes(p));
    const removed = before.filter((p) => !(permissions as string[]).includes(p));
    if (added.length || removed.length) {
      await recordAudit(tx, { actor, action: "role.permissions", targetType: "role", targetId: role, details: { added, removed } });
    }
    return { role, permissions: [...permissions].sort() };
  });
}
