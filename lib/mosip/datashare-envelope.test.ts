import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { decodeBase64Field, detectDatashareError, parseDatasharePayload } from "./datashare-envelope";

const errorSample = readFileSync(
  new URL("../../test/fixtures/mosip/adjudication/datashare-error-doc-sample.json", import.meta.url),
  "utf8",
);
const idJson = JSON.parse(readFileSync(new URL("../../test/fixtures/mosip/identity/ID.json", import.meta.url), "utf8"));

const envelope = (errorCode: string, message: string) =>
  JSON.stringify({
    id: null,
    version: null,
    responsetime: "2021-02-05T06:29:48.257Z",
    metadata: null,
    response: null,
    errors: [{ errorCode, message }],
  });

test("MOSIP's documented error sample is detected", () => {
  assert.deepEqual(detectDatashareError(errorSample), {
    errorCode: "KER-ATH-401",
    message: "Authentication Failed",
    category: "AUTHENTICATION",
  });
  assert.deepEqual(detectDatashareError(Buffer.from(errorSample)), detectDatashareError(errorSample));
});

test("each documented datashare error code maps to its category", () => {
  const cases: [string, string, string][] = [
    ["DAT-SER-003", "File does not exist or File is empty", "FILE_MISSING"],
    ["DAT-SER-006", "Data share not found", "NOT_FOUND_OR_EXPIRED"],
    ["DAT-SER-006", "Data share usage expired", "NOT_FOUND_OR_EXPIRED"],
    ["KER-ATH-401", "Authentication failed", "AUTHENTICATION"],
    ["KER-ATH-403", "Forbidden", "AUTHORIZATION"],
    ["KER-XYZ-999", "Something else", "OTHER"],
  ];
  for (const [code, message, category] of cases) {
    assert.deepEqual(detectDatashareError(envelope(code, message)), { errorCode: code, message, category });
  }
});

test("non-envelopes are not errors", () => {
  assert.equal(
    detectDatashareError(JSON.stringify({ biometrics: null, identity: {}, documents: null, metaInfo: null, audits: null })),
    null,
  );
  assert.equal(detectDatashareError(JSON.stringify({ errors: [], response: {} })), null);
  assert.equal(detectDatashareError(JSON.stringify({ errors: null, response: {} })), null);
  assert.equal(detectDatashareError("VkVSX1IyAAAA"), null);
  assert.equal(detectDatashareError('{"errors": [broken'), null);
  assert.equal(detectDatashareError(""), null);
  assert.deepEqual(detectDatashareError('{"errors":[{}]}'), { errorCode: "UNKNOWN", message: "", category: "OTHER" });
});

test("payload: biometrics (URL-safe base64 CBEFF XML), identity, documents, metaInfo and audits", () => {
  const xml = '<?xml version="1.0" encoding="UTF-8"?><BIR xmlns="http://standards.iso.org/iso-iec/19785/-3/ed-2/"><Version/></BIR>';
  const doc = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0xfb, 0xff]);
  const payload = {
    biometrics: Buffer.from(xml).toString("base64url"),
    identity: Object.fromEntries(Object.entries(idJson.identity).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])),
    documents: { proofOfAddress: doc.toString("base64url"), proofOfIdentity: null },
    metaInfo: JSON.stringify({ creationDate: "2021-01-07T12:55:33.000Z", metaData: "[]" }),
    audits: JSON.stringify([{ eventId: "REG-EVT-001" }]),
  };
  const r = parseDatasharePayload(JSON.stringify(payload));
  assert.ok(r.ok, r.ok ? "" : r.reason);
  if (!r.ok) return;
  assert.equal(r.payload.biometricsXml, xml);
  assert.deepEqual(r.payload.identity?.gender, {
    kind: "multilang",
    values: [
      { language: "eng", value: "MALE" },
      { language: "arb", value: "محدوة" },
    ],
  });
  assert.deepEqual(r.payload.documents?.proofOfAddress, doc);
  assert.equal(r.payload.documents?.proofOfIdentity, null);
  assert.deepEqual(r.payload.metaInfo, { creationDate: "2021-01-07T12:55:33.000Z", metaData: "[]" });
  assert.deepEqual(r.payload.audits, [{ eventId: "REG-EVT-001" }]);
  assert.deepEqual(r.payload.warnings, []);
});

test("payload: all nulls, or keys missing, is a valid (empty) payload", () => {
  for (const body of [{ biometrics: null, identity: null, documents: null, metaInfo: null, audits: null }, {}]) {
    const r = parseDatasharePayload(JSON.stringify(body));
    assert.ok(r.ok);
    assert.deepEqual(r.ok && r.payload, {
      biometricsXml: null,
      identity: null,
      documents: null,
      metaInfo: null,
      audits: null,
      warnings: [],
    });
  }
});

test("payload: unreadable metaInfo/audits only warn; wrong types fail naming the field, never the value", () => {
  const warn = parseDatasharePayload({ metaInfo: "{oops", audits: '{"not":"a list"}' });
  assert.ok(warn.ok);
  assert.deepEqual(warn.ok && warn.payload.warnings, ["metaInfo: not valid JSON text; ignored", "audits: expected a JSON array; ignored"]);
  const cases: [unknown, RegExp][] = [
    [{ biometrics: 42 }, /^payload\.biometrics: expected string/],
    [{ biometrics: "not*base64" }, /^payload\.biometrics: not base64/],
    [{ identity: "Taleev" }, /^payload\.identity: expected record/],
    [{ documents: { poa: 5 } }, /^payload\.documents\.poa: expected string/],
    [{ documents: { poa: "a$b" } }, /^payload\.documents\.poa: not base64/],
  ];
  for (const [body, reason] of cases) {
    const r = parseDatasharePayload(JSON.stringify(body));
    assert.equal(r.ok, false, JSON.stringify(body));
    if (!r.ok) {
      assert.match(r.reason, reason);
      assert.doesNotMatch(r.reason, /Taleev/);
    }
  }
  assert.deepEqual(parseDatasharePayload("nope"), { ok: false, reason: "payload: not valid JSON" });
  assert.deepEqual(parseDatasharePayload("[]"), { ok: false, reason: "payload: expected a JSON object" });
  assert.equal(parseDatasharePayload(errorSample).ok, false);
});

test("base64 fields: URL-safe without padding as MOSIP writes it; standard alphabet and padding tolerated", () => {
  const bytes = Buffer.from([0xfb, 0xff, 0xfe, 0x00, 0x01]);
  assert.deepEqual(decodeBase64Field(bytes.toString("base64url")), bytes);
  assert.deepEqual(decodeBase64Field(bytes.toString("base64")), bytes);
  assert.deepEqual(decodeBase64Field(""), Buffer.alloc(0));
  assert.equal(decodeBase64Field("abcde"), null, "impossible length");
  assert.equal(decodeBase64Field("ab#c"), null);
});
