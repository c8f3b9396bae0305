import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/load-user";
import { DomainError } from "@/lib/errors/domain-error";
import type { CreateUserInput, UserView } from "./user-schemas";
import { toUserView } from "./to-user-view";
import { mustChangeAdminSetPassword } from "./admin-set-password";

export async function createUser(prisma: PrismaClient, actor: SessionUser, input: CreateUserInput): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    // Usernames are unique regardless of case, so "Operator1" cannot impersonate "operator1".
    const clash = await tx.user.findFirst({ where: { username: { equals: input.username, mode: "insensitive" } } });
    if (clash) throw new DomainError("conflict", `username "${input.username}" is already taken`, "username");
    const user = await tx.user.create({
      data: {
        username: input.username,
        displayName: input.displayName || null,
        passwordHash,
        // The admin knows this password: the user replaces it at the first sign-in (not in demo mode).
        mustChangePassword: await mustChangeAdminSetPassword(tx),
        canPrimary: input.canPrimary ?? true,
        canSecondary: input.canSecondary ?? true,
        roles: { create: input.roles.map((role) => ({ role })) },
      },
      include: { roles: true },
    });
    await recordAudit(tx, {
      actor,
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      details: { roles: input.roles, canPrimary: user.canPrimary, canSecondary: user.canSecondary },
    });
    return toUserView(user);
  });
}
