import "server-only";
import type { Provider } from "next-auth/providers/index";
import type { AppEnv } from "@/lib/env/env-schema";

type OidcConfig = NonNullable<AppEnv["oidc"]>;

/**
 * A generic OpenID Connect provider (MOSIP deployments run Keycloak), switched on by MAS_OIDC_*: the
 * authorization-code flow with PKCE and state. The profile is the validated ID token's claims; which
 * account they sign in is decided by signInOidcUser (issuer + subject), not by this profile's id or name.
 */
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
