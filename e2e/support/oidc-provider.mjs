// A real OpenID Connect provider for the e2e tests, run as its own process by global-setup.ts:
// oidc-provider (a certified implementation) with its own login and consent pages, one client for the MAS,
// the authorization-code flow only and PKCE (S256) required of every request.
// Usage: node e2e/support/oidc-provider.mjs <config.json>
// Accounts are read from the accounts file at every token, so a spec changes a user's roles between two
// sign-ins by rewriting that file, as an IdP admin would change them in Keycloak.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import Provider from "oidc-provider";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { port, client, accountsFile } = config;
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

// The login typed on the provider's page is the account id; the subject is a separate, opaque value,
// so a test can tell binding by subject from matching by name.
async function findAccount(_ctx, login) {
  const account = JSON.parse(readFileSync(accountsFile, "utf8"))[login];
  if (!account) return undefined;
  return {
    accountId: login,
    claims: async () => ({
      sub: account.sub,
      preferred_username: account.username,
      // Keycloak's shape, so the MAS runs with its default MAS_OIDC_ROLES_CLAIM (realm_access.roles).
      ...(account.roles ? { realm_access: { roles: account.roles } } : {}),
    }),
  };
}

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: client.id,
      client_secret: client.secret,
      redirect_uris: [client.redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "e2e", use: "sig", alg: "RS256" }] },
  cookies: { keys: [randomBytes(32).toString("base64url")] },
  pkce: { methods: ["S256"], required: () => true },
  // next-auth reads the ID token only (idToken: true), as with a Keycloak whose mappers add these
  // claims to the ID token; by default oidc-provider would keep them for the userinfo endpoint.
  conformIdTokenClaims: false,
  claims: { openid: ["sub"], profile: ["preferred_username", "realm_access"], email: ["email"] },
  features: { devInteractions: { enabled: true } },
  findAccount,
});

// Loopback only: a test IdP that signs anyone in must not be reachable from the network.
http.createServer(provider.callback()).listen(port, "127.0.0.1", () => {
  console.log(`oidc-provider listening on ${provider.issuer}`);
});
