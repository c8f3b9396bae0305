import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getEnv } from "@/lib/env/get-env";
import { ready } from "@/lib/boot/boot-app";
import { ensureAuthSecret } from "@/lib/auth/auth-secret";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { sourceAddress } from "@/lib/auth/source-address";
import { issueSessionClaims, loadSessionUser } from "@/lib/auth/load-user";
import { oidcProvider } from "@/lib/auth/oidc";
import { findOidcUser, oidcIdentity } from "@/lib/auth/oidc-identity";
import { signInOidcUser } from "@/lib/auth/sign-in-oidc-user";

const credentialsInput = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });

/** Error codes the sign-in page turns into messages. */
export const SIGNIN_ERRORS = {
  invalid: "invalid",
  locked: "locked",
  inactive: "inactive",
  norole: "norole",
  throttled: "throttled",
} as const;

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Username and password",
      credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const input = credentialsInput.safeParse(raw);
        if (!input.success) throw new Error(SIGNIN_ERRORS.invalid);
        const { prisma } = await ready();
        const forwarded = (req.headers as Record<string, string | undefined> | undefined)?.["x-forwarded-for"];
        const address = sourceAddress(forwarded, env.trustProxy);
        const r = await signInWithPassword(prisma, { ...input.data, address }, { lockout: env.lockout, address: env.addressThrottle });
        if (!r.ok) throw new Error(SIGNIN_ERRORS[r.reason]);
        return { id: r.user.id, name: r.user.username };
      },
    }),
  ];
  if (env.oidc) providers.push(oidcProvider(env.oidc));

  cached = {
    secret: ensureAuthSecret(env),
    providers,
    pages: { signIn: "/signin", error: "/signin" },
    // maxAge is the idle timeout: each call to /api/auth/session re-issues the cookie, and the browser
    // only makes that call on user activity (components/session-keepalive.tsx).
    session: { strategy: "jwt", maxAge: env.sessionIdleMinutes * 60 },
    jwt: { maxAge: env.sessionIdleMinutes * 60 },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const { prisma } = await ready();
        const r = await signInOidcUser(prisma, (profile ?? {}) as Record<string, unknown>, env.oidc!.rolesClaim);
        // Thrown, not returned false: next-auth then sends the code on to /signin?error=…, which names the reason.
        if (!r.ok) throw new Error(SIGNIN_ERRORS[r.reason]);
        return true;
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === "oidc") {
          // The account signIn just admitted, found again by the same (issuer, subject) binding; next-auth's
          // own user object here carries the IdP's sub, which is no MAS user id.
          const id = oidcIdentity((profile ?? {}) as Record<string, unknown>);
          const { prisma } = await ready();
          const bound = id ? await findOidcUser(prisma, id) : null;
          token.uid = bound?.id;
          if (bound) Object.assign(token, await issueSessionClaims(prisma, bound.id));
        } else if (user) {
          const { prisma } = await ready();
          Object.assign(token, await issueSessionClaims(prisma, user.id));
        }
        return token;
      },
      async session({ session, token }) {
        const { prisma } = await ready();
        // Past the absolute lifetime, or issued before a password reset, role change or deactivation: no user.
        const user = await loadSessionUser(prisma, token, { maxHours: env.sessionMaxHours });
        if (!user) return { expires: session.expires } as typeof session;
        return {
          ...session,
          user: {
            id: user.id,
            name: user.displayName ?? user.username,
            username: user.username,
            roles: user.roles,
            permissions: user.permissions,
            mustChangePassword: user.mustChangePassword,
          },
        };
      },
    },
  };
  return cached;
}
