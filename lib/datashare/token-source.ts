// Bearer token for datashare GETs, from an OAuth2 client-credentials endpoint (Keycloak in MOSIP
// deployments). One token is shared by all downloads and reused until shortly before it expires.

export interface TokenSource {
  get(): Promise<string>;
  /** After a 401: the next get() asks the endpoint again. */
  invalidate(token: string): void;
}

export class TokenError extends Error {
  override name = "TokenError";
}

export function createTokenSource(
  auth: { tokenUrl: string; clientId: string; clientSecret: string },
  opts: { timeoutMs: number; now?: () => number; fetchImpl?: typeof fetch } = { timeoutMs: 30_000 },
): TokenSource {
  const now = opts.now ?? Date.now;
  const doFetch = opts.fetchImpl ?? fetch;
  let cached: { token: string; refreshAt: number } | null = null;
  let inflight: Promise<string> | null = null;

  async function request(): Promise<string> {
    let res: Response;
    try {
      res = await doFetch(auth.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: auth.clientId, client_secret: auth.clientSecret }),
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
    } catch (e) {
      throw new TokenError(`token endpoint unreachable (${(e as Error).name})`);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new TokenError(`token endpoint answered HTTP ${res.status}`);
    }
    const json = (await res.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
    if (!json || typeof json.access_token !== "string" || json.access_token === "")
      throw new TokenError("token endpoint answered without access_token");
    const lifetimeS = typeof json.expires_in === "number" && json.expires_in > 0 ? json.expires_in : 300;
    // Refresh a little early (10 % of the lifetime, at most 30 s) so a token never expires mid-download.
    const marginMs = Math.min(30_000, lifetimeS * 100);
    cached = { token: json.access_token, refreshAt: now() + lifetimeS * 1000 - marginMs };
    return json.access_token;
  }

  return {
    get() {
      if (cached && now() < cached.refreshAt) return Promise.resolve(cached.token);
      inflight ??= request().finally(() => {
        inflight = null;
      });
      return inflight;
    },
    invalidate(token) {
      if (cached?.token === token) cached = null;
    },
  };
}
