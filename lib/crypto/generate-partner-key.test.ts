import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash, createPrivateKey, X509Certificate } from "node:crypto";
import { generatePartnerKey } from "./generate-partner-key";

test("generated certificate parses, matches its key and verifies with its own public key", () => {
  const k = generatePartnerKey({ commonName: "mpartner-default-adjudication", organization: "MAS test", validDays: 30 });
  const cert = new X509Certificate(k.certificatePem);
  assert.equal(cert.checkPrivateKey(createPrivateKey(k.privateKeyPem)), true);
  assert.equal(cert.verify(cert.publicKey), true);
  assert.equal(cert.subject, "O=MAS test\nCN=mpartner-default-adjudication");
  assert.equal(cert.issuer, cert.subject);
  assert.equal(cert.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
  assert.equal(cert.ca, false);
  const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
  assert.ok(Math.abs(days - 30) < 1 / 24, `valid ~30 days, got ${days}`);
  assert.ok(Date.parse(cert.validFrom) <= Date.now());
  assert.equal(k.thumbprintHex, createHash("sha256").update(cert.raw).digest("hex"));
  assert.equal(cert.fingerprint256.replace(/:/g, "").toLowerCase(), k.thumbprintHex);
  assert.match(k.privateKeyPem, /^-----BEGIN PRIVATE KEY-----\n/);
});

test("two generated keys differ (serial, key, thumbprint) and certificates past 2049 use GeneralizedTime", () => {
  const a = generatePartnerKey({ notBefore: new Date(Date.UTC(2049, 11, 31)), validDays: 2 });
  const b = generatePartnerKey();
  assert.notEqual(a.thumbprintHex, b.thumbprintHex);
  assert.notEqual(a.certificate.serialNumber, b.certificate.serialNumber);
  assert.equal(a.certificate.verify(a.certificate.publicKey), true);
  assert.equal(new Date(a.certificate.validTo).getUTCFullYear(), 2050);
  assert.equal(a.certificate.verify(b.certificate.publicKey), false);
});

test("bad validity is refused", () => {
  assert.throws(() => generatePartnerKey({ validDays: 0 }), RangeError);
});
