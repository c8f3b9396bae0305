import { test } from "node:test";
import assert from "node:assert/strict";
import { isAllowedOrigin, originOf, parseAllowedOrigins } from "./datashare-origins";

test("origins are normalised with the default port written out, so equal origins compare equal", () => {
  assert.equal(originOf("https://DS.example/v1/datashare/get/p/s/key?x=1"), "https://ds.example:443");
  assert.equal(originOf("http://ds.example:80/x"), "http://ds.example:80");
  assert.equal(originOf("http://[::1]:8080/x"), "http://[::1]:8080");
  assert.equal(originOf("ftp://ds.example/x"), null);
  assert.equal(originOf("not a url"), null);
  const r = parseAllowedOrigins(" https://ds.example , http://datashare.datashare:80/, https://ds.example:443");
  assert.deepEqual(r, { ok: true, origins: ["https://ds.example:443", "http://datashare.datashare:80"] });
});

test("an allow-list entry must be an origin only: a path, credentials, another scheme or an empty entry is refused", () => {
  const problem = (v: string) => {
    const r = parseAllowedOrigins(v);
    return r.ok ? "" : r.problem;
  };
  assert.match(problem("https://ds.example/v1/datashare"), /must be an origin only .*without a path/);
  assert.match(problem("https://ds.example/?a=1"), /must be an origin only/);
  assert.match(problem("https://user:pw@ds.example"), /must not carry credentials/);
  assert.match(problem("stomp://ds.example"), /must start with http:\/\/ or https:\/\//);
  assert.match(problem("https://a,,https://b"), /empty entry/);
  assert.match(problem("ds.example"), /is not an origin/);
});

test("a URL is allowed only when scheme, host and port all match an entry", () => {
  const allowed = ["https://ds.example:443", "http://datashare.datashare:80"];
  assert.equal(isAllowedOrigin("https://ds.example/v1/datashare/get/p/s/k", allowed), true);
  assert.equal(isAllowedOrigin("https://ds.example:443/v1/k", allowed), true);
  assert.equal(isAllowedOrigin("http://datashare.datashare/v1/k", allowed), true);
  assert.equal(isAllowedOrigin("http://ds.example/v1/k", allowed), false, "other scheme");
  assert.equal(isAllowedOrigin("https://ds.example:8443/v1/k", allowed), false, "other port");
  assert.equal(isAllowedOrigin("https://ds.example.evil.test/v1/k", allowed), false, "suffix host");
  assert.equal(isAllowedOrigin("https://evil.test/https://ds.example/", allowed), false, "origin in the path");
  assert.equal(isAllowedOrigin("https://ds.example@evil.test/v1/k", allowed), false, "userinfo trick");
  assert.equal(isAllowedOrigin("https://ds.example/k", []), false, "empty list allows nothing");
});
