import { test } from "node:test";
import assert from "node:assert/strict";
import { parseReferenceUrl } from "./reference-url";

const DS = "http://datashare.datashare/v1/datashare/get/mpolicy-default-adjudication/mpartner-default-adjudication/abc123";
const DS2 = "https://datashare.example.org/v1/datashare/get/p/s/def456";

test("plain URL string (legacy MA mode and verification)", () => {
  assert.deepEqual(parseReferenceUrl(DS), { ok: true, sources: [{ source: null, status: null, url: DS }] });
  assert.deepEqual(parseReferenceUrl(`  ${DS}\n`), { ok: true, sources: [{ source: null, status: null, url: DS }] });
});

test("LTS form: JSON array serialised inside a string, key url", () => {
  const value = JSON.stringify([{ source: "packet", status: "PROCESSING", url: DS }]);
  assert.deepEqual(parseReferenceUrl(value), { ok: true, sources: [{ source: "packet", status: "PROCESSING", url: DS }] });
});

test("LTS form with key URL (the Java field name) and several sources per subject", () => {
  const value = JSON.stringify([
    { source: "packet", status: "PROCESSING", URL: DS },
    { source: "idrepo", status: "PROCESSED", URL: DS2 },
  ]);
  assert.deepEqual(parseReferenceUrl(value), {
    ok: true,
    sources: [
      { source: "packet", status: "PROCESSING", url: DS },
      { source: "idrepo", status: "PROCESSED", url: DS2 },
    ],
  });
});

test("real JSON array (proposed MOSIP change), objects or plain strings", () => {
  assert.deepEqual(parseReferenceUrl([{ source: "idrepo", status: "PROCESSED", url: DS }, DS2]), {
    ok: true,
    sources: [
      { source: "idrepo", status: "PROCESSED", url: DS },
      { source: null, status: null, url: DS2 },
    ],
  });
});

test("missing source/status become null", () => {
  assert.deepEqual(parseReferenceUrl(`[{"url":"${DS}"}]`), { ok: true, sources: [{ source: null, status: null, url: DS }] });
});

test("null and empty arrays mean data unavailable, not an error", () => {
  assert.deepEqual(parseReferenceUrl(null), { ok: true, sources: [] });
  assert.deepEqual(parseReferenceUrl(undefined), { ok: true, sources: [] });
  assert.deepEqual(parseReferenceUrl("[]"), { ok: true, sources: [] });
  assert.deepEqual(parseReferenceUrl([]), { ok: true, sources: [] });
});

test("non-http(s) URLs are refused without echoing the URL", () => {
  const r = parseReferenceUrl("ftp://datashare/v1/datashare/get/secret-share-key", "gallery.referenceIds[0].referenceURL");
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.code, "INVALID_URL");
  assert.match(r.reason, /^gallery\.referenceIds\[0\]\.referenceURL: expected an http\(s\) URL, got scheme "ftp:"/);
  assert.doesNotMatch(r.reason, /secret-share-key/);
});

test("malformed forms name the failing field", () => {
  const cases: [unknown, string, RegExp][] = [
    ["", "INVALID_URL", /^referenceURL: empty URL/],
    ["not a url", "INVALID_URL", /^referenceURL: not an absolute URL/],
    ["javascript:alert(1)", "INVALID_URL", /scheme "javascript:"/],
    ['[{"source":"packet","url":', "INVALID_JSON", /^referenceURL: starts like JSON/],
    ['[{"source":"packet","status":"PROCESSING"}]', "MISSING_FIELD", /^referenceURL\[0\]\.url: required/],
    [`[{"url":"${DS}"},{"url":42}]`, "WRONG_TYPE", /^referenceURL\[1\]\.url: expected string, got number/],
    [`[{"url":"${DS}","status":7}]`, "WRONG_TYPE", /^referenceURL\[0\]\.status: expected string, got number/],
    [[42], "WRONG_TYPE", /^referenceURL\[0\]: expected object with url, got number/],
    [42, "WRONG_TYPE", /^referenceURL: expected string or array, got number/],
    [{ url: DS }, "WRONG_TYPE", /got object/],
  ];
  for (const [value, code, reason] of cases) {
    const r = parseReferenceUrl(value);
    assert.equal(r.ok, false, JSON.stringify(value));
    if (!r.ok) {
      assert.equal(r.code, code, JSON.stringify(value));
      assert.match(r.reason, reason);
    }
  }
});

test("a single JSON object inside the string is read as one source", () => {
  assert.deepEqual(parseReferenceUrl(`{"source":"packet","status":"PROCESSING","url":"${DS}"}`), {
    ok: true,
    sources: [{ source: "packet", status: "PROCESSING", url: DS }],
  });
});

test("the URL text is kept as MOSIP sent it (no re-encoding)", () => {
  const odd = "http://datashare.datashare/v1/datashare/get/p/s/a%2Fb?x=1";
  const r = parseReferenceUrl(odd);
  assert.ok(r.ok);
  assert.equal(r.ok && r.sources[0].url, odd);
});
