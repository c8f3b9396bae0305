import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { dummyHash, verifyPassword } from "./password";

export type CredentialsResult =
  | { ok: true; user: { id: string; username: string } }
  | { ok: false; reason: "invalid" | "locked" | "inactive"; lockedUntil?: Date };

export interface LockoutPolicy {
  threshold: number;
  minutes: number;
}

/**
 * Checks a username and password. Failures are counted; at the threshold the account is locked for a while.
 * Every outcome is audited, with the user id when the username is known and never with the password.
 */
export async function verifyCredentials(
  prisma: PrismaClient,
  username: string,
  password: string,
  policy: LockoutPolicy,
  now = new Date(),
): Promise<CredentialsResult> {
  const user = await prisma.user.findUnique({ where: { username } });
  if (!user?.passwordHash) {
    await verifyPassword(password, await dummyHash());
    await recordAudit(prisma, { actor: null, action: "signin.failed", details: { reason: "unknown-user" } });
    return { ok: false, reason: "invalid" };
  }
  const actor = { id: user.id, username: user.username };
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(prisma, { actor, action: "signin.refused", targetType: "user", targetId: user.id, details: { reason: "locked" } });
    return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
  }
  const good = await verifyPassword(password, user.passwordHash);
  if (!good) {
    return prisma.$transaction(async (tx) => {
      // Count in the database, not from the row read above, so parallel attempts cannot undercount.
      const updated = await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: { increment: 1 } } });
      const lock = updated.failedLoginCount >= policy.threshold;
      const lockedUntil = lock ? new Date(now.getTime() + policy.minutes * 60_000) : undefined;
      if (lock) await tx.user.update({ where: { id: user.id }, data: { lockedUntil, failedLoginCount: 0 } });
      await recordAudit(tx, {
        actor,
        action: lock ? "account.locked" : "signin.failed",
        targetType: "user",
        targetId: user.id,
        details: { reason: "wrong-password" },
      });
      return lock ? { ok: false as const, reason: "locked" as const, lockedUntil } : { ok: false as const, reason: "invalid" as const };
    });
  }
  if (!user.active) {
    await recordAudit(prisma, { actor, action: "signin.refused", targetType: "user", targetId: user.id, details: { reason: "inactive" } });
    return { ok: false, reason: "inactive" };
  }
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
    await recordAudit(tx, { actor, action: "signin", targetType: "user", targetId: user.id, details: { method: "password" } });
  });
  return { ok: true, user: actor };
}
