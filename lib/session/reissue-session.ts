import "server-only";
import { cookies } from "next/headers";
import { encode, getToken } from "next-auth/jwt";
import { getEnv } from "@/lib/env/get-env";
import { ensureAuthSecret } from "@/lib/auth/auth-secret";

/**
 * Re-issues the session cookie of the current request with the user's new session version, after the user
 * changed their own password: this session goes on (same sign-in time, so the absolute lifetime is unchanged)
 * while every other session of theirs ends at its next request.
 */
export async function reissueSession(req: Request, sessionVersion: number): Promise<void> {
  const env = getEnv();
  const secret = ensureAuthSecret(env);
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const name = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  const jar = await cookies();
  const token = await getToken({ req: { cookies: jar, headers: req.headers } as never, secret, secureCookie: secure, cookieName: name });
  if (!token) return;
  const maxAge = env.sessionIdleMinutes * 60;
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge });
  jar.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge });
}
