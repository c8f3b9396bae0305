import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import type { OidcIdentity } from "./oidc-identity";

// The same shape local usernames must have (lib/users/user-schemas.ts), so an IdP cannot bring in
// look-alike Unicode names or names the admin console could not show or edit.
const USERNAME = /^[A-Za-z0-9._@-]{3,64}$/;

type Tx = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * The username for a new OIDC account: preferred_username when no account holds it, in any letter case;
 * otherwise that name with a suffix derived from the identity ("chief-oidc-1a2b3c4d"). A collision never
 * links to the existing account: the username is only a label, the binding is (issuer, subject).
 */
export async function chooseOidcUsername(tx: Tx, id: OidcIdentity, preferred: unknown): Promise<string> {
  const base = typeof preferred === "string" && USERNAME.test(preferred) ? preferred : "oidc-user";
  const tag = createHash("sha256").update(`${id.issuer}\n${id.subject}`).digest("hex").slice(0, 8);
  const candidates = [base, `${base.slice(0, 50)}-oidc-${tag}`, `${base.slice(0, 50)}-oidc-${randomBytes(4).toString("hex")}`];
  for (const name of candidates) {
    // Case-insensitive: "Chief" next to a local "chief" would pass for the same person in every list.
    const taken = await tx.$queryRaw<unknown[]>`SELECT 1 FROM "User" WHERE lower("username") = lower(${name}) LIMIT 1`;
    if (taken.length === 0) return name;
  }
  throw new Error("no free username for a new OpenID Connect account");
}
