import "server-only";
import type { PrismaClient } from "@/lib/db/generated/client";

/** Who an ID token is about: the only pair an OpenID Connect account is bound to. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
}

/**
 * Reads iss and sub from validated ID token claims. Names, e-mails and other claims are left out on
 * purpose: the IdP lets them change or repeat, so they cannot say which account signs in.
 */
export function oidcIdentity(claims: Record<string, unknown>): OidcIdentity | null {
  const { iss, sub } = claims;
  if (typeof iss !== "string" || typeof sub !== "string") return null;
  // The column widths (prisma/schema.prisma); a longer value is refused rather than cut, since a cut
  // subject could equal another one.
  if (!iss || !sub || iss.length > 512 || sub.length > 255) return null;
  return { issuer: iss, subject: sub };
}

type Db = Pick<PrismaClient, "user">;

/** The account bound to this identity, if any. Only OIDC accounts: a LOCAL row is never a match. */
export async function findOidcUser(prisma: Db, id: OidcIdentity) {
  const user = await prisma.user.findUnique({
    where: { oidcIssuer_oidcSubject: { oidcIssuer: id.issuer, oidcSubject: id.subject } },
    include: { roles: true },
  });
  return user?.authSource === "OIDC" ? user : null;
}
