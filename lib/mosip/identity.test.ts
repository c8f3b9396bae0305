import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { identityText, normaliseIdentity, normaliseIdentityValue } from "./identity";

const idJson = JSON.parse(readFileSync(new URL("../../test/fixtures/mosip/identity/ID.json", import.meta.url), "utf8")) as {
  identity: Record<string, unknown>;
};

/** What packet manager's getAll produces from ID.json: strings as-is, the rest as JSON text/toString. */
function asPacketSource(identity: Record<string, unknown>): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(identity).map(([k, v]) => [k, typeof v === "string" ? v : typeof v === "number" ? String(v) : JSON.stringify(v)]),
  );
}
/** What the idrepo path produces: every value through writeValueAsString. */
function asIdrepoSource(identity: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(identity).map(([k, v]) => [k, JSON.stringify(v)]));
}

test("ID.json: language arrays, plain strings, numbers and document/biometric references", () => {
  const n = normaliseIdentity(idJson.identity);
  assert.ok(n);
  assert.deepEqual(n.fullName, {
    kind: "multilang",
    values: [
      { language: "eng", value: "Taleev Aalam" },
      { language: "arb", value: "محدوة محدوة" },
    ],
  });
  assert.deepEqual(n.dateOfBirth, { kind: "text", value: "2016/01/01" });
  assert.deepEqual(n.age, { kind: "text", value: "3" });
  assert.deepEqual(n.postalCode, { kind: "text", value: "600112" });
  assert.deepEqual(n.phone, { kind: "text", value: "8667693831" });
  assert.deepEqual(n.introducerOrUIN, { kind: "text", value: "426789089018" });
  assert.deepEqual(n.UIN, { kind: "text", value: "" });
  assert.deepEqual(n.proofOfAddress, { kind: "json", value: { value: "POA_Passport", format: "jpg", type: "Passport" } });
  assert.deepEqual(n.individualBiometrics, { kind: "json", value: { format: "cbeff", version: 1.0, value: "applicant_bio_CBEFF" } });
  assert.equal(Object.keys(n).length, Object.keys(idJson.identity).length);
});

test("ID.json flattened as packet source and as idrepo source normalises identically", () => {
  const direct = normaliseIdentity(idJson.identity);
  assert.deepEqual(normaliseIdentity(asPacketSource(idJson.identity)), direct);
  assert.deepEqual(normaliseIdentity(asIdrepoSource(idJson.identity)), direct);
});

test("single values", () => {
  assert.deepEqual(normaliseIdentityValue('"1990/01/01"'), { kind: "text", value: "1990/01/01" });
  assert.deepEqual(normaliseIdentityValue("1990/01/01"), { kind: "text", value: "1990/01/01" });
  assert.deepEqual(normaliseIdentityValue('[{"language":"eng","value":"MALE"}]'), {
    kind: "multilang",
    values: [{ language: "eng", value: "MALE" }],
  });
  // idrepo wrapping a packet-style JSON text: unwrapped twice
  assert.deepEqual(normaliseIdentityValue(JSON.stringify('[{"language":"fra","value":"Homme"}]')), {
    kind: "multilang",
    values: [{ language: "fra", value: "Homme" }],
  });
  assert.deepEqual(normaliseIdentityValue("0600"), { kind: "text", value: "0600" }, "numeric text keeps leading zeros");
  assert.deepEqual(normaliseIdentityValue("[not json"), { kind: "text", value: "[not json" });
  assert.deepEqual(normaliseIdentityValue("[1,2]"), { kind: "json", value: [1, 2] });
  assert.deepEqual(normaliseIdentityValue("[]"), { kind: "json", value: [] });
  assert.deepEqual(normaliseIdentityValue('[{"language":"eng","value":null}]'), {
    kind: "multilang",
    values: [{ language: "eng", value: "" }],
  });
  assert.deepEqual(normaliseIdentityValue(true), { kind: "text", value: "true" });
  assert.equal(normaliseIdentityValue(null), null);
  assert.equal(normaliseIdentityValue(undefined), null);
  assert.equal(normaliseIdentityValue("null"), null, "idrepo's serialised null");
  assert.equal(normaliseIdentityValue('"null"'), null);
});

test("normaliseIdentity tolerates a missing identity", () => {
  assert.equal(normaliseIdentity(null), null);
  assert.equal(normaliseIdentity("x"), null);
  assert.equal(normaliseIdentity([]), null);
});

test("identityText picks the preferred language", () => {
  const v = normaliseIdentityValue('[{"language":"eng","value":"Chennai"},{"language":"arb","value":"محدوة"}]');
  assert.equal(identityText(v, ["arb", "eng"]), "محدوة");
  assert.equal(identityText(v, ["fra"]), "Chennai");
  assert.equal(identityText({ kind: "text", value: "x" }), "x");
  assert.equal(identityText({ kind: "json", value: {} }), null);
  assert.equal(identityText(null), null);
});
