import { test } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { certificateThumbprint, createKeyRing, KeyRingError } from "./key-ring";
import { generatePartnerKey } from "./generate-partner-key";

const a = generatePartnerKey({ commonName: "partner-a" });
const b = generatePartnerKey({ commonName: "partner-b" });

function ringError(fn: () => unknown, code: string, message?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof KeyRingError, String(e));
    assert.equal(e.code, code);
    if (message) assert.match(e.message, message);
    return true;
  });
}

test("thumbprint is SHA-256 of the certificate DER", () => {
  assert.equal(certificateThumbprint(a.certificatePem).toString("hex"), a.certificate.fingerprint256.replace(/:/g, "").toLowerCase());
  assert.equal(certificateThumbprint(a.certificate).length, 32);
});

test("several pairs are indexed by thumbprint", () => {
  const ring = createKeyRing([
    { privateKeyPem: a.privateKeyPem, certificatePem: a.certificatePem, label: "a" },
    { privateKeyPem: b.privateKeyPem, certificatePem: b.certificatePem },
  ]);
  assert.deepEqual(ring.thumbprintsHex(), [a.thumbprintHex, b.thumbprintHex]);
  assert.equal(ring.find(Buffer.from(b.thumbprintHex, "hex"))?.label, "key pair 2");
  assert.equal(ring.find(Buffer.from(a.thumbprintHex, "hex"))?.label, "a");
  assert.equal(ring.find(Buffer.alloc(32)), undefined);
  assert.equal(ring.keys[0].modulusBytes, 256);
  // lookup works on a view into a larger buffer (how the decryptor passes it)
  const framed = Buffer.concat([Buffer.from("VER_R2"), Buffer.from(a.thumbprintHex, "hex"), Buffer.alloc(10)]);
  assert.equal(ring.find(framed.subarray(6, 38))?.label, "a");
});

test("a key must match its certificate", () => {
  ringError(
    () => createKeyRing([{ privateKeyPem: a.privateKeyPem, certificatePem: b.certificatePem, label: "/etc/mas/a.key + /etc/mas/b.crt" }]),
    "KEY_CERT_MISMATCH",
    /^\/etc\/mas\/a\.key \+ \/etc\/mas\/b\.crt: private key does not belong to certificate "CN=partner-b"/,
  );
});

test("unreadable, non-RSA and duplicate entries are refused without echoing key material", () => {
  ringError(
    () =>
      createKeyRing([
        { privateKeyPem: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", certificatePem: a.certificatePem },
      ]),
    "INVALID_KEY",
  );
  ringError(() => createKeyRing([{ privateKeyPem: a.privateKeyPem, certificatePem: "not a cert" }]), "INVALID_CERTIFICATE");
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  ringError(() => createKeyRing([{ privateKeyPem: ec, certificatePem: a.certificatePem }]), "NOT_RSA", /got a ec key/);
  ringError(
    () =>
      createKeyRing([
        { privateKeyPem: a.privateKeyPem, certificatePem: a.certificatePem, label: "first" },
        { privateKeyPem: a.privateKeyPem, certificatePem: a.certificatePem, label: "second" },
      ]),
    "DUPLICATE_CERTIFICATE",
    /^second: same certificate as first/,
  );
  try {
    createKeyRing([{ privateKeyPem: a.privateKeyPem, certificatePem: b.certificatePem }]);
  } catch (e) {
    assert.doesNotMatch((e as Error).message, /PRIVATE KEY|MII/);
  }
});

test("an empty ring is allowed (plain datashares only)", () => {
  const ring = createKeyRing([]);
  assert.deepEqual(ring.thumbprintsHex(), []);
});
