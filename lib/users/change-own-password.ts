import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/load-user";
import { DomainError } from "@/lib/errors/domain-error";
import type { ChangeOwnPasswordInput } from "./user-schemas";

/**
 * The signed-in user replaces their password: the current one proves it is them (a session left open is not
 * enough). Clears the forced change and ends the user's other sessions; returns the new session version, with
 * which the caller re-issues the session this request came with.
 */
export async function changeOwnPassword(prisma: PrismaClient, user: SessionUser, input: ChangeOwnPasswordInput): Promise<number> {
  const row = await prisma.user.findUnique({ where: { id: user.id } });
  if (!row?.passwordHash || row.authSource === "OIDC")
    throw new DomainError("conflict", "you sign in through OpenID Connect; your password is managed there", "currentPassword");
  if (!(await verifyPassword(input.currentPassword, row.passwordHash)))
    throw new DomainError("forbidden", "the current password is wrong", "currentPassword");
  if (input.newPassword === input.currentPassword)
    throw new DomainError("invalid", "the new password must differ from the current one", "newPassword");
  if (input.newPassword.toLowerCase().includes(row.username.toLowerCase()))
    throw new DomainError("invalid", "the new password must not contain your username", "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, {
      actor: { id: user.id, username: user.username },
      action: "user.changePassword",
      targetType: "user",
      targetId: user.id,
      details: { forced: row.mustChangePassword },
    });
    return updated.sessionVersion;
  });
}
