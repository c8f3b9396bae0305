/**
 * The address a sign-in attempt comes from, as the per-address throttle counts it.
 *
 * Next.js gives route handlers no socket address: it writes the TCP peer into X-Forwarded-For, but only when the
 * request holds none, so a client talking to the MAS directly can put anything there. Behind a reverse proxy
 * that appends (or sets) the header, the right-most entry is the one the proxy saw and cannot be forged:
 * MAS_TRUST_PROXY=true says such a proxy is in front. Without it the whole header is the key, so a client that
 * varies it escapes this throttle (the per-account lock still holds) but can never land in another client's
 * bucket unless it copies that client's header exactly.
 */
export function sourceAddress(xForwardedFor: string | null | undefined, trustProxy: boolean): string {
  const raw = (xForwardedFor ?? "").trim();
  if (raw === "") return "unknown";
  if (!trustProxy) return raw.slice(0, 64);
  const entries = raw.split(",").map((s) => s.trim());
  return (entries.at(-1) || "unknown").slice(0, 64);
}
