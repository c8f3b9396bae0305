import "server-only";
import type { Provider } from "next-auth/providers/index";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { AppEnv } from "@/lib/env/env-schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { rolesFromClaims } from "./roles-from-claims";

type OidcConfig = NonNullable<AppEnv["oidc"]>;

/** A generic OpenID Connect provider (MOSIP deployments run Keycloak), switched on by MAS_OIDC_*. */
export function oidcProvider(cfg: OidcConfig): Provider {
  return {
    id: "oidc",
    name: cfg.name,
    type: "oauth",
    wellKnown: `${cfg.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    authorization: { params: { scope: "openid profile email" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(p: Record<string, unknown>) {
      return { id: String(p.sub), name: String(p.preferred_username ?? p.sub) };
    },
  } as Provider;
}

/**
 * Links an OpenID Connect sign-in to a local user by preferred_username. A first sign-in creates the user,
 * with the MAS roles named in the configured claim; after that, roles are managed by admins in the MAS.
 */
export async function provisionOidcUser(prisma: PrismaClient, profile: Record<string, unknown>, cfg: OidcConfig): Promise<boolean> {
  const username = typeof profile.preferred_username === "string" ? profile.preferred_username.slice(0, 64) : null;
  if (!username) return false;
  const existing = await prisma.user.findUnique({ where: { username } });
  if (existing) {
    if (!existing.active) return false;
    await prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: existing.id }, data: { lastLoginAt: new Date() } });
      await recordAudit(tx, {
        actor: { id: existing.id, username },
        action: "signin",
        targetType: "user",
        targetId: existing.id,
        details: { method: "oidc" },
      });
    });
    return true;
  }
  const roles = rolesFromClaims(profile, cfg.rolesClaim);
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { username, authSource: "OIDC", roles: { create: roles.map((role) => ({ role })) } } });
    await recordAudit(tx, {
      actor: { id: user.id, username },
      action: "user.provisioned",
      targetType: "user",
      targetId: user.id,
      details: { method: "oidc", roles },
    });
  });
  return true;
}
