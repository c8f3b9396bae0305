import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { DEFAULT_GRANTS, PERMISSION_NAMES, ROLE_NAMES } from "./permissions";

const KNOWN = "permissions.known";

/**
 * Grants the default roles for every permission this installation has not seen before. Permissions already
 * known are left as the admins set them, even if an admin removed every grant.
 */
export async function seedRolePermissions(prisma: PrismaClient): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: KNOWN } });
    const known = new Set(Array.isArray(row?.value) ? (row.value as string[]) : []);
    const fresh = PERMISSION_NAMES.filter((p) => !known.has(p));
    if (fresh.length === 0) return [];
    const grants = ROLE_NAMES.flatMap((role) =>
      DEFAULT_GRANTS[role].filter((p) => fresh.includes(p)).map((permission) => ({ role, permission })),
    );
    if (grants.length) await tx.rolePermission.createMany({ data: grants, skipDuplicates: true });
    await tx.setting.upsert({
      where: { key: KNOWN },
      create: { key: KNOWN, value: PERMISSION_NAMES },
      update: { value: [...known, ...fresh] },
    });
    return fresh;
  });
}
