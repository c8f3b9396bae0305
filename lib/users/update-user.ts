import "server-only";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/load-user";
import { DomainError } from "@/lib/errors/domain-error";
import type { UpdateUserInput, UserView } from "./user-schemas";
import { toUserView } from "./to-user-view";

async function otherActiveAdmins(tx: Prisma.TransactionClient, userId: string): Promise<number> {
  return tx.user.count({ where: { id: { not: userId }, active: true, roles: { some: { role: "ADMIN" } } } });
}

/**
 * Changes a user's roles, eligibility, name or active state; refuses changes that would leave no admin, and
 * any change of one's own roles: granting oneself OPERATOR or SUPERVISOR would open a second door onto the
 * cases one already sees, so a role change always takes a second administrator.
 */
export async function updateUser(prisma: PrismaClient, actor: SessionUser, id: string, input: UpdateUserInput): Promise<UserView> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, include: { roles: true } });
    if (!before) throw new DomainError("not_found", "no such user");
    const wasAdmin = before.active && before.roles.some((r) => r.role === "ADMIN");
    const staysAdmin =
      (input.active ?? before.active) && (input.roles ? input.roles.includes("ADMIN") : before.roles.some((r) => r.role === "ADMIN"));
    const oldRoles = before.roles.map((r) => r.role).sort();
    const rolesChange = input.roles !== undefined && [...new Set(input.roles)].sort().join() !== oldRoles.join();
    // Sending one's own roles back unchanged (the edit form always sends them) is not a change.
    if (id === actor.id && rolesChange) throw new DomainError("forbidden", "you cannot change your own roles", "roles");
    // The identity provider's claim replaces them at every sign-in: an edit here would silently not last.
    if (before.authSource === "OIDC" && rolesChange)
      throw new DomainError(
        "conflict",
        "this user's roles come from the identity provider; change them there (or deactivate the account to stop access at once)",
        "roles",
      );
    if (id === actor.id && input.active === false) throw new DomainError("conflict", "you cannot deactivate your own account", "active");
    if (wasAdmin && !staysAdmin && (await otherActiveAdmins(tx, id)) === 0) {
      throw new DomainError(
        "conflict",
        "this is the last active admin: make another admin first",
        input.active === false ? "active" : "roles",
      );
    }
    const changed: string[] = [];
    const data: Prisma.UserUpdateInput = {};
    if (input.displayName !== undefined && input.displayName !== before.displayName) {
      data.displayName = input.displayName || null;
      changed.push("displayName");
    }
    if (input.canPrimary !== undefined && input.canPrimary !== before.canPrimary) {
      data.canPrimary = input.canPrimary;
      changed.push("canPrimary");
    }
    if (input.canSecondary !== undefined && input.canSecondary !== before.canSecondary) {
      data.canSecondary = input.canSecondary;
      changed.push("canSecondary");
    }
    if (input.active !== undefined && input.active !== before.active) {
      data.active = input.active;
      changed.push("active");
    }
    if (input.caseCap !== undefined && input.caseCap !== before.caseCap) {
      data.caseCap = input.caseCap;
      changed.push("caseCap");
    }
    if (input.unlock) {
      data.lockedUntil = null;
      data.failedLoginCount = 0;
      changed.push("unlock");
    }
    // A role change or a deactivation ends the user's open sessions: the next request signs them out.
    if (rolesChange || changed.includes("active")) data.sessionVersion = { increment: 1 };
    if (Object.keys(data).length) await tx.user.update({ where: { id }, data });
    if (input.roles && rolesChange) {
      await tx.userRole.deleteMany({ where: { userId: id } });
      if (input.roles.length) await tx.userRole.createMany({ data: input.roles.map((role) => ({ userId: id, role })) });
      changed.push("roles");
    }
    const after = await tx.user.findUniqueOrThrow({ where: { id }, include: { roles: true } });
    if (changed.length) {
      const action =
        input.active === false && changed.includes("active")
          ? "user.deactivate"
          : input.active === true && changed.includes("active")
            ? "user.reactivate"
            : "user.update";
      await recordAudit(tx, {
        actor,
        action,
        targetType: "user",
        targetId: id,
        details: {
          changed,
          // Caps are not personal data: old and new values, so the log alone explains a change in assignment.
          ...(changed.includes("caseCap") ? { caseCap: { from: before.caseCap, to: after.caseCap } } : {}),
          roles: after.roles.map((r) => r.role).sort(),
          previousRoles: oldRoles,
          canPrimary: after.canPrimary,
          canSecondary: after.canSecondary,
          active: after.active,
        },
      });
    }
    return toUserView(after);
  });
}
