import assert from "node:assert/strict";
import { test } from "node:test";
import { contentSecurityPolicy, strictTransportSecurity } from "./security-headers";

test("scripts need the nonce: no unsafe-inline, and eval only in development", () => {
  const prod = contentSecurityPolicy("abc123", false);
  const script = prod.split("; ").find((d) => d.startsWith("script-src")) ?? "";
  assert.equal(script, "script-src 'self' 'nonce-abc123' 'strict-dynamic'");
  assert.doesNotMatch(script, /unsafe/);
  assert.match(contentSecurityPolicy("abc123", true), /script-src [^;]*'unsafe-eval'/);
  assert.match(prod, /frame-ancestors 'none'/);
  assert.match(prod, /object-src 'none'/);
});

test("HSTS is sent only over https", () => {
  assert.equal(strictTransportSecurity("http:", null), null);
  assert.equal(strictTransportSecurity("https:", null), "max-age=31536000; includeSubDomains");
  assert.equal(strictTransportSecurity("http:", "https"), "max-age=31536000; includeSubDomains");
  assert.equal(strictTransportSecurity("https:", "http"), null);
});
