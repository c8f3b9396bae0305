import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "./password";

export type CredentialsResult =
  | { ok: true; user: { id: string; username: string } }
  | { ok: false; reason: "invalid" | "locked" | "inactive"; lockedUntil?: Date };

export interface LockoutPolicy {
  threshold: number;
  minutes: number;
}

// Anyone can lock an account by guessing wrong on purpose; for an admin, who is the one to unlock others, that
// must not take the installation's administration away for long.
const ADMIN_LOCK_MAX_MINUTES = 2;

/**
 * Checks a username and password. Failures are counted; at the threshold the account is locked for a while.
 * The password is always hashed, and only the right password learns that an account is locked or inactive:
 * answers and timing are the same for an unknown user, a wrong password and a locked account.
 * Every outcome is audited, with the user id when the username is known and never with the password.
 */
export async function verifyCredentials(
  prisma: PrismaClient,
  username: string,
  password: string,
  policy: LockoutPolicy,
  now = new Date(),
): Promise<CredentialsResult> {
  const user = await prisma.user.findUnique({ where: { username }, include: { roles: true } });
  const good = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user?.passwordHash) {
    await recordAudit(prisma, { actor: null, action: "signin.failed", details: { reason: "unknown-user" } });
    return { ok: false, reason: "invalid" };
  }
  const actor = { id: user.id, username: user.username };
  if (user.lockedUntil && user.lockedUntil > now) {
    // A wrong password during the lock neither counts nor reveals the lock.
    await recordAudit(prisma, {
      actor,
      action: "signin.refused",
      targetType: "user",
      targetId: user.id,
      details: { reason: good ? "locked" : "locked-wrong-password" },
    });
    return good ? { ok: false, reason: "locked", lockedUntil: user.lockedUntil } : { ok: false, reason: "invalid" };
  }
  if (!good) {
    return prisma.$transaction(async (tx) => {
      // Count in the database, not from the row read above, so parallel attempts cannot undercount.
      const updated = await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: { increment: 1 } } });
      const lock = updated.failedLoginCount >= policy.threshold;
      const minutes = user.roles.some((r) => r.role === "ADMIN") ? Math.min(policy.minutes, ADMIN_LOCK_MAX_MINUTES) : policy.minutes;
      const lockedUntil = lock ? new Date(now.getTime() + minutes * 60_000) : undefined;
      if (lock) await tx.user.update({ where: { id: user.id }, data: { lockedUntil, failedLoginCount: 0 } });
      await recordAudit(tx, {
        actor,
        action: lock ? "account.locked" : "signin.failed",
        targetType: "user",
        targetId: user.id,
        details: { reason: "wrong-password" },
      });
      // The attempt that locks is answered like any wrong password: the lock is news only to the right password.
      return { ok: false as const, reason: "invalid" as const };
    });
  }
  if (!user.active) {
    await recordAudit(prisma, { actor, action: "signin.refused", targetType: "user", targetId: user.id, details: { reason: "inactive" } });
    return { ok: false, reason: "inactive" };
  }
  const rehash = needsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now, ...(rehash ? { passwordHash: rehash } : {}) },
    });
    await recordAudit(tx, { actor, action: "signin", targetType: "user", targetId: user.id, details: { method: "password" } });
  });
  return { ok: true, user: actor };
}
