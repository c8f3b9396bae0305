import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { OperatorLoad } from "./choose-operator";

/**
 * Active users who may review at the given level: their role grants cases.review and their eligibility flag
 * allows the level. With their current load (open cases they hold at either level).
 */
export async function operatorPool(
  tx: Prisma.TransactionClient,
  level: "PRIMARY" | "SECONDARY",
  onlyUserId?: string,
): Promise<OperatorLoad[]> {
  const reviewRoles = (await tx.rolePermission.findMany({ where: { permission: "cases.review" } })).map((r) => r.role);
  if (!reviewRoles.length) return [];
  const users = await tx.user.findMany({
    where: {
      active: true,
      ...(onlyUserId ? { id: onlyUserId } : {}),
      ...(level === "PRIMARY" ? { canPrimary: true } : { canSecondary: true }),
      roles: { some: { role: { in: reviewRoles } } },
    },
    select: { id: true, username: true, caseCap: true, lastAssignedAt: true },
  });
  if (!users.length) return [];
  const ids = users.map((u) => u.id);
  const [asPrimary, asSecondary] = await Promise.all([
    tx.case.groupBy({ by: ["primaryAssigneeId"], where: { state: "IN_PRIMARY", primaryAssigneeId: { in: ids } }, _count: { _all: true } }),
    tx.case.groupBy({
      by: ["secondaryAssigneeId"],
      where: { state: "IN_SECONDARY", secondaryAssigneeId: { in: ids } },
      _count: { _all: true },
    }),
  ]);
  const load = new Map<string, number>();
  for (const g of asPrimary) load.set(g.primaryAssigneeId!, (load.get(g.primaryAssigneeId!) ?? 0) + g._count._all);
  for (const g of asSecondary) load.set(g.secondaryAssigneeId!, (load.get(g.secondaryAssigneeId!) ?? 0) + g._count._all);
  return users.map((u) => ({
    userId: u.id,
    username: u.username,
    cap: u.caseCap,
    lastAssignedAt: u.lastAssignedAt,
    openCases: load.get(u.id) ?? 0,
  }));
}

/** Serialises every assignment decision, so caps hold and no case is handed out twice, on PostgreSQL and PGlite alike. */
export async function lockAssignment(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(7301001)`);
}
