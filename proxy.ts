import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, strictTransportSecurity } from "@/lib/http/security-headers";

// A fresh nonce per page request: Next.js reads the policy from the request headers and puts the nonce on the
// scripts it renders, so no inline script without it can run.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  const hsts = strictTransportSecurity(request.nextUrl.protocol, request.headers.get("x-forwarded-proto"));
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  // Pages only: API answers are JSON or images with their own headers, and static files carry no script.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon\\.ico|favicon\\.svg|robots\\.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
