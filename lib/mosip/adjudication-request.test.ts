import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseAdjudicationRequest, type ParseRequestResult } from "./adjudication-request";

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/mosip/adjudication/${name}`, import.meta.url), "utf8");

const DS = (k: string) => `http://datashare.datashare/v1/datashare/get/mpolicy-default-adjudication/mpartner-default-adjudication/${k}`;

function ma(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "mosip.manual.adjudication.adjudicate",
    version: "1.0",
    requestId: "4d4f27d3-ec73-41c4-a384-bf87fce4969e",
    referenceId: "10002100741000320210107125533",
    requesttime: "2021-01-19T07:16:22.930Z",
    referenceURL: JSON.stringify([{ source: "packet", status: "PROCESSING", url: DS("probe") }]),
    addtional: null,
    gallery: {
      referenceIds: [
        {
          referenceId: "10002100741000120210107111325",
          referenceURL: JSON.stringify([{ source: "packet", status: "PROCESSED", url: DS("g1") }]),
        },
        { referenceId: "10002100741000120210107111326", referenceURL: null },
      ],
    },
    ...overrides,
  };
}

function failure(r: ParseRequestResult) {
  assert.equal(r.ok, false, "expected a failure");
  if (r.ok) throw new Error("unreachable");
  return r;
}

test("MOSIP documentation sample request parses", () => {
  const r = parseAdjudicationRequest(fixture("ma-request-doc-sample.json"));
  assert.ok(r.ok, JSON.stringify(r));
  if (!r.ok || r.request.kind !== "ADJUDICATION") return;
  const req = r.request;
  assert.equal(req.id, "mosip.manual.adjudication.adjudicate");
  assert.equal(req.requestId, "4d4f27d3-ec73-41c4-a384-bf87fce4969e");
  assert.equal(req.referenceId, "10002100741000320210107125533");
  assert.equal(req.requestTime?.toISOString(), "2021-01-19T07:16:22.930Z");
  assert.equal(req.version, "1.0");
  assert.equal(req.additional, null);
  assert.equal(req.applicant.length, 1);
  assert.equal(req.applicant[0].source, null);
  assert.match(req.applicant[0].url, /202011110619201EpLEjvD$/);
  assert.equal(req.gallery.length, 1);
  assert.equal(req.gallery[0].referenceId, "10002100741000120210107111325");
  assert.match(req.gallery[0].sources[0].url, /202137493575474iefnvvsD$/);
  assert.deepEqual(req.warnings, []);
});

test("LTS-format request: sources per subject, null gallery URL means data unavailable", () => {
  const r = parseAdjudicationRequest(JSON.stringify(ma()));
  assert.ok(r.ok);
  if (!r.ok || r.request.kind !== "ADJUDICATION") return;
  assert.deepEqual(r.request.applicant, [{ source: "packet", status: "PROCESSING", url: DS("probe") }]);
  assert.deepEqual(r.request.gallery, [
    { referenceId: "10002100741000120210107111325", sources: [{ source: "packet", status: "PROCESSED", url: DS("g1") }] },
    { referenceId: "10002100741000120210107111326", sources: [] },
  ]);
});

test("verification request (no gallery), id with the doc's stray spaces, bytes input", () => {
  const raw = {
    id: " mosip.verification.adjudicate ",
    version: "1.0",
    requestId: "4d4f27d3-ec73-41c4-a384-bf87fce4969e",
    referenceId: "10002100741000320210107125533",
    requesttime: "2021-01-19T07:16:22.930Z",
    referenceURL: DS("v"),
    addtional: null,
  };
  const r = parseAdjudicationRequest(new TextEncoder().encode(JSON.stringify(raw)));
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(r.request.kind, "VERIFICATION");
  assert.equal(r.request.id, "mosip.verification.adjudicate");
  assert.ok(!("gallery" in r.request));
  assert.deepEqual(r.request.applicant, [{ source: null, status: null, url: DS("v") }]);
});

test("addtional is accepted at top level or inside gallery; unknown fields are ignored", () => {
  const additional = [{ abisId: "abis1", response: "text" }];
  const top = parseAdjudicationRequest(JSON.stringify(ma({ addtional: additional, extraField: { x: 1 } })));
  assert.ok(top.ok);
  assert.deepEqual(top.ok && top.request.additional, [{ abisId: "abis1", response: "text" }]);
  const g = ma();
  (g.gallery as Record<string, unknown>).addtional = additional;
  const inGallery = parseAdjudicationRequest(JSON.stringify(g));
  assert.ok(inGallery.ok);
  assert.deepEqual(inGallery.ok && inGallery.request.additional, [{ abisId: "abis1", response: "text" }]);
  const odd = parseAdjudicationRequest(JSON.stringify(ma({ addtional: "weird" })));
  assert.ok(odd.ok);
  assert.equal(odd.ok && odd.request.additional, null);
  assert.deepEqual(odd.ok && odd.request.warnings, ["addtional: unexpected shape; ignored"]);
});

test("referenceURLs (real array) is accepted and wins over a legacy referenceURL", () => {
  const r = parseAdjudicationRequest(
    JSON.stringify(ma({ referenceURL: DS("legacy"), referenceURLs: [{ source: "packet", status: "PROCESSING", url: DS("new") }] })),
  );
  assert.ok(r.ok);
  assert.deepEqual(r.ok && r.request.applicant, [{ source: "packet", status: "PROCESSING", url: DS("new") }]);
});

test("lenient requesttime: ISO variants parse, unreadable ones become null with a warning", () => {
  const variant = parseAdjudicationRequest(JSON.stringify(ma({ requesttime: "2022-09-23T06:31:31.7456782+00:00" })));
  assert.equal(variant.ok && variant.request.requestTime?.toISOString(), "2022-09-23T06:31:31.745Z");
  const bad = parseAdjudicationRequest(JSON.stringify(ma({ requesttime: "soon" })));
  assert.ok(bad.ok);
  if (!bad.ok) return;
  assert.equal(bad.request.requestTime, null);
  assert.equal(bad.request.requestTimeRaw, "soon");
  assert.match(bad.request.warnings.join(), /requesttime/);
  const missing = parseAdjudicationRequest(JSON.stringify(ma({ requesttime: null })));
  assert.ok(missing.ok);
  assert.equal(missing.ok && missing.request.requestTime, null);
});

test("requestId is kept byte-for-byte", () => {
  const r = parseAdjudicationRequest(JSON.stringify(ma({ requestId: " 987654321-89AB-CDEF-0123-456789ABCDEF" })));
  assert.equal(r.ok && r.request.requestId, " 987654321-89AB-CDEF-0123-456789ABCDEF");
});

test("empty gallery is accepted with a warning", () => {
  const r = parseAdjudicationRequest(JSON.stringify(ma({ gallery: { referenceIds: [] } })));
  assert.ok(r.ok);
  if (!r.ok || r.request.kind !== "ADJUDICATION") return;
  assert.deepEqual(r.request.gallery, []);
  assert.match(r.request.warnings.join(), /gallery\.referenceIds: empty/);
});

test("malformed requests: each kind fails with its code and names the field", () => {
  const withoutKey = (key: string) => {
    const o = ma();
    delete o[key];
    return JSON.stringify(o);
  };
  const gallery = (entries: unknown[]) => JSON.stringify(ma({ gallery: { referenceIds: entries } }));
  const cases: [string, string, RegExp][] = [
    ["{not json", "NOT_JSON", /^message: not valid JSON/],
    ["[1,2]", "WRONG_TYPE", /^message: expected JSON object, got array/],
    ["null", "WRONG_TYPE", /^message: expected JSON object, got null/],
    [withoutKey("id"), "MISSING_FIELD", /^id: required/],
    [JSON.stringify(ma({ id: 7 })), "WRONG_TYPE", /^id: expected string, got number/],
    [
      JSON.stringify(ma({ id: "mosip.abis.identify" })),
      "UNKNOWN_ID",
      /^id: expected "mosip\.manual\.adjudication\.adjudicate" or "mosip\.verification\.adjudicate", got "mosip\.abis\.identify"/,
    ],
    [withoutKey("requestId"), "MISSING_FIELD", /^requestId: required/],
    [JSON.stringify(ma({ requestId: "   " })), "INVALID_VALUE", /^requestId: must not be blank/],
    // biome-ignore lint/correctness/noPrecisionLoss: a RID sent as a JSON number is exactly the mistake under test
    [JSON.stringify(ma({ referenceId: 10002100741000320210107125533 })), "WRONG_TYPE", /^referenceId: expected string, got number/],
    [withoutKey("referenceURL"), "MISSING_FIELD", /^referenceURL: required/],
    [JSON.stringify(ma({ referenceURL: "ftp://x/y" })), "INVALID_URL", /^referenceURL: expected an http\(s\) URL/],
    [JSON.stringify(ma({ referenceURL: "[{oops" })), "INVALID_VALUE", /^referenceURL: starts like JSON/],
    [JSON.stringify(ma({ requesttime: 1611040582930 })), "WRONG_TYPE", /^requesttime: expected string, got number/],
    [withoutKey("gallery"), "MISSING_FIELD", /^gallery: required/],
    [JSON.stringify(ma({ gallery: null })), "MISSING_FIELD", /^gallery: required/],
    [JSON.stringify(ma({ gallery: [] })), "WRONG_TYPE", /^gallery: expected object, got array/],
    [JSON.stringify(ma({ gallery: {} })), "MISSING_FIELD", /^gallery\.referenceIds: required/],
    [JSON.stringify(ma({ gallery: { referenceIds: {} } })), "WRONG_TYPE", /^gallery\.referenceIds: expected array, got object/],
    [gallery(["10002100741000120210107111325"]), "WRONG_TYPE", /^gallery\.referenceIds\[0\]: expected object, got string/],
    [
      gallery([
        { referenceId: "1", referenceURL: DS("a") },
        { referenceId: 2, referenceURL: DS("b") },
      ]),
      "WRONG_TYPE",
      /^gallery\.referenceIds\[1\]\.referenceId: expected string, got number/,
    ],
    [gallery([{ referenceId: null, referenceURL: DS("a") }]), "MISSING_FIELD", /^gallery\.referenceIds\[0\]\.referenceId: required/],
    [gallery([{ referenceId: "1" }]), "MISSING_FIELD", /^gallery\.referenceIds\[0\]\.referenceURL: required/],
    [
      gallery([{ referenceId: "1", referenceURL: '[{"source":"packet","status":"PROCESSING"}]' }]),
      "MISSING_FIELD",
      /^gallery\.referenceIds\[0\]\.referenceURL\[0\]\.url: required/,
    ],
    [
      gallery([{ referenceId: "1", referenceURL: 5 }]),
      "WRONG_TYPE",
      /^gallery\.referenceIds\[0\]\.referenceURL: expected string or array, got number/,
    ],
    [
      gallery([
        { referenceId: "1", referenceURL: DS("a") },
        { referenceId: "1", referenceURL: DS("b") },
      ]),
      "DUPLICATE_REFERENCE",
      /^gallery\.referenceIds\[1\]\.referenceId: same RID as gallery\.referenceIds\[0\]/,
    ],
  ];
  for (const [raw, code, reason] of cases) {
    const f = failure(parseAdjudicationRequest(raw));
    assert.equal(f.code, code, `${raw} -> ${f.reason}`);
    assert.match(f.reason, reason);
  }
});

test("several problems: the first is named and the rest counted", () => {
  const f = failure(parseAdjudicationRequest(JSON.stringify(ma({ requestId: 1, referenceId: 2 }))));
  assert.equal(f.code, "WRONG_TYPE");
  assert.match(f.reason, /^requestId: expected string, got number \(and 1 more problem\)$/);
});

test("a failure still reports the requestId and kind when they are readable", () => {
  const f = failure(parseAdjudicationRequest(JSON.stringify(ma({ gallery: null }))));
  assert.equal(f.requestId, "4d4f27d3-ec73-41c4-a384-bf87fce4969e");
  assert.equal(f.kind, "ADJUDICATION");
  const g = failure(parseAdjudicationRequest("{"));
  assert.equal(g.requestId, undefined);
});

test("oversize messages are refused before parsing", () => {
  const raw = JSON.stringify(ma());
  const f = failure(parseAdjudicationRequest(raw, { maxBytes: 100 }));
  assert.equal(f.code, "OVERSIZE");
  assert.match(f.reason, new RegExp(`^message: ${Buffer.byteLength(raw)} bytes exceeds the limit of 100`));
  assert.ok(parseAdjudicationRequest(raw, { maxBytes: Buffer.byteLength(raw) }).ok);
});

test("never throws, whatever the input", () => {
  for (const raw of ["", " ", "\u0000", "1", '"x"', "true", "{}", '{"id":null}', `\ufeff${JSON.stringify(ma())}`]) {
    assert.doesNotThrow(() => parseAdjudicationRequest(raw));
  }
  assert.ok(parseAdjudicationRequest(`\ufeff${JSON.stringify(ma())}`).ok, "BOM tolerated");
});
