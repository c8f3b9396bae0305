import "server-only";
import { Prisma, type PrismaClient } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { chooseOidcUsername } from "./choose-oidc-username";
import { findOidcUser, oidcIdentity } from "./oidc-identity";
import type { Role } from "./permissions";
import { rolesFromClaims } from "./roles-from-claims";

export type OidcSignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "inactive" | "norole" };

/**
 * Signs in the account bound to the ID token's (iss, sub), creating it at first sign-in, and makes its
 * roles exactly the MAS roles in the roles claim, every time: the IdP is where they are granted and
 * taken away. Every outcome is audited; each change and its audit row share one transaction.
 *
 * No roles in the claim (absent, empty or none a MAS role) refuses the sign-in and, for an existing
 * account, removes the roles it had: an IdP typically leaves an empty roles claim out, so "absent" is
 * what "every role taken away" looks like, and keeping the old roles would make that impossible.
 */
export async function signInOidcUser(
  prisma: PrismaClient,
  claims: Record<string, unknown>,
  rolesClaim: string,
  now = new Date(),
): Promise<OidcSignInResult> {
  const id = oidcIdentity(claims);
  if (!id) {
    await recordAudit(prisma, { actor: null, action: "signin.failed", details: { method: "oidc", reason: "no-identity" } });
    return { ok: false, reason: "invalid" };
  }
  const roles = rolesFromClaims(claims, rolesClaim).sort();
  // Two first sign-ins of one person can race to create the account; the loser finds it on the next turn.
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.$transaction((tx) => signInOnce(tx, id, claims, roles, now));
    } catch (e) {
      const duplicate = e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
      if (!duplicate || attempt >= 2) throw e;
    }
  }
}

async function signInOnce(
  tx: Prisma.TransactionClient,
  id: NonNullable<ReturnType<typeof oidcIdentity>>,
  claims: Record<string, unknown>,
  roles: Role[],
  now: Date,
): Promise<OidcSignInResult> {
  const user = await findOidcUser(tx, id);
  if (!user) {
    if (roles.length === 0) {
      await recordAudit(tx, { actor: null, action: "signin.refused", details: { method: "oidc", reason: "no-role" } });
      return { ok: false, reason: "norole" };
    }
    const username = await chooseOidcUsername(tx, id, claims.preferred_username);
    const created = await tx.user.create({
      data: {
        username,
        authSource: "OIDC",
        oidcIssuer: id.issuer,
        oidcSubject: id.subject,
        lastLoginAt: now,
        roles: { create: roles.map((role) => ({ role })) },
      },
    });
    const actor = { id: created.id, username };
    await recordAudit(tx, {
      actor,
      action: "user.provisioned",
      targetType: "user",
      targetId: created.id,
      details: { method: "oidc", roles, renamed: username !== claims.preferred_username },
    });
    await recordAudit(tx, { actor, action: "signin", targetType: "user", targetId: created.id, details: { method: "oidc" } });
    return { ok: true, userId: created.id };
  }

  const actor = { id: user.id, username: user.username };
  // Deactivation is the MAS admin's decision and outranks the IdP: refused before anything changes.
  if (!user.active) {
    await recordAudit(tx, {
      actor,
      action: "signin.refused",
      targetType: "user",
      targetId: user.id,
      details: { method: "oidc", reason: "inactive" },
    });
    return { ok: false, reason: "inactive" };
  }
  const before = user.roles.map((r) => r.role as Role).sort();
  if (before.join() !== roles.join()) {
    await tx.userRole.deleteMany({ where: { userId: user.id } });
    if (roles.length) await tx.userRole.createMany({ data: roles.map((role) => ({ userId: user.id, role })) });
    await recordAudit(tx, {
      actor,
      action: "user.roles.fromIdp",
      targetType: "user",
      targetId: user.id,
      details: { from: before, to: roles },
    });
  }
  if (roles.length === 0) {
    await recordAudit(tx, {
      actor,
      action: "signin.refused",
      targetType: "user",
      targetId: user.id,
      details: { method: "oidc", reason: "no-role" },
    });
    return { ok: false, reason: "norole" };
  }
  await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  await recordAudit(tx, { actor, action: "signin", targetType: "user", targetId: user.id, details: { method: "oidc" } });
  return { ok: true, userId: user.id };
}
