import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/load-user";
import { mustChangeAdminSetPassword } from "./admin-set-password";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * Sets a new password chosen by an admin and lifts any lockout. The user's open sessions end at their next
 * request, and the user picks their own password at the next sign-in (not in demo mode).
 */
export async function resetPassword(prisma: PrismaClient, actor: SessionUser, id: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new DomainError("not_found", "no such user");
    if (user.authSource === "OIDC")
      throw new DomainError("conflict", "this user signs in through OpenID Connect; their password is managed there", "password");
    await tx.user.update({
      where: { id },
      data: {
        passwordHash,
        failedLoginCount: 0,
        lockedUntil: null,
        sessionVersion: { increment: 1 },
        mustChangePassword: await mustChangeAdminSetPassword(tx),
      },
    });
    await recordAudit(tx, { actor, action: "user.resetPassword", targetType: "user", targetId: id });
  });
}
