/**
 * The Content-Security-Policy of every page: scripts only from this origin with the request's nonce (Next.js
 * puts it on its own scripts when it finds the policy on the request), nothing framed, forms only back here.
 * Inline style attributes stay allowed: the UI sets grid sizes and zoom transforms with them, and a style
 * attribute cannot run code. React needs eval only in development.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS only where the browser reached us over https (directly or through an ingress that says so). */
export function strictTransportSecurity(protocol: string, forwardedProto: string | null): string | null {
  const https = (forwardedProto?.split(",")[0].trim() ?? protocol.replace(/:$/, "")) === "https";
  return https ? "max-age=31536000; includeSubDomains" : null;
}

/** Powerful browser features the MAS never uses. */
export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()";
