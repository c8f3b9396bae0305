import assert from "node:assert/strict";
import { test } from "node:test";
import { isJsonContentType, refuseCrossSite } from "./refuse-cross-site";

const URL_ = "http://mas.example/api/cases/next";
const h = (init: Record<string, string>) => new Headers(init);

test("a browser POST from the app itself goes through", () => {
  assert.equal(
    refuseCrossSite("POST", h({ "sec-fetch-site": "same-origin", origin: "http://mas.example", host: "mas.example" }), URL_),
    null,
  );
});

test("a form posted from another site is refused, by Sec-Fetch-Site or by Origin", () => {
  assert.match(
    refuseCrossSite("POST", h({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }), URL_) ?? "",
    /Sec-Fetch-Site: cross-site/,
  );
  assert.match(refuseCrossSite("POST", h({ "sec-fetch-site": "same-site" }), URL_) ?? "", /same-site/);
  // An older browser without Fetch Metadata still sends Origin.
  assert.match(refuseCrossSite("PUT", h({ origin: "https://evil.example", host: "mas.example" }), URL_) ?? "", /Origin is another site/);
  assert.match(refuseCrossSite("DELETE", h({ origin: "null", host: "mas.example" }), URL_) ?? "", /Origin/);
});

test("behind a proxy, the forwarded host is the app's own", () => {
  const headers = h({ origin: "https://mas.gov.example", host: "mas:3000", "x-forwarded-host": "mas.gov.example" });
  assert.equal(refuseCrossSite("POST", headers, "http://mas:3000/api/x"), null);
});

test("API clients that send neither header, and reads, are not refused", () => {
  assert.equal(refuseCrossSite("POST", h({}), URL_), null);
  assert.equal(refuseCrossSite("GET", h({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }), URL_), null);
});

test("JSON content types", () => {
  assert.ok(isJsonContentType("application/json"));
  assert.ok(isJsonContentType("Application/JSON; charset=utf-8"));
  for (const v of [null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx"])
    assert.equal(isJsonContentType(v), false, String(v));
});
