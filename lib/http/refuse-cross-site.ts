/**
 * Why a state-changing request must be refused as cross-site, or null when it may go on. Browsers send
 * Sec-Fetch-Site and Origin with every POST/PUT/PATCH/DELETE, so a form or script on another site is caught
 * by either; API clients such as curl send neither and are let through (they need the session cookie anyway).
 * "same-site" is refused too: another host under the same registrable domain is still another application.
 */
export function refuseCrossSite(method: string, headers: Headers, requestUrl: string): string | null {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return `cross-site request refused (Sec-Fetch-Site: ${site})`;
  const origin = headers.get("origin");
  if (origin) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return "cross-site request refused (unreadable Origin)";
    }
    // Behind a proxy the Host the browser used arrives as X-Forwarded-Host.
    const ownHost = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host") || new URL(requestUrl).host;
    if (origin === "null" || originHost !== ownHost) return "cross-site request refused (Origin is another site)";
  }
  return null;
}

/** Whether a request's Content-Type is JSON (with or without a charset). */
export function isJsonContentType(value: string | null): boolean {
  return value !== null && /^application\/json\s*(;|$)/i.test(value.trim());
}
