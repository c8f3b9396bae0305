import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generatePartnerKey } from "./generate-partner-key";
import { KeyRingError } from "./key-ring";
import { loadKeyRingFromEnv, loadKeyRingFromFiles, splitPathList } from "./load-key-ring";

const dir = mkdtempSync(join(tmpdir(), "mas-keyring-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const a = generatePartnerKey({ commonName: "old" });
const b = generatePartnerKey({ commonName: "new" });
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text, { mode: 0o600 });
  return p;
};
const aKey = file("a.key", a.privateKeyPem);
const aCrt = file("a.crt", a.certificatePem);
const bKey = file("b.key", b.privateKeyPem);
const bCrt = file("b.crt", b.certificatePem);

test("comma-separated lists pair up in order", () => {
  assert.deepEqual(splitPathList(" x.pem , y.pem,,"), ["x.pem", "y.pem"]);
  assert.deepEqual(splitPathList(undefined), []);
  const ring = loadKeyRingFromEnv({ MAS_PARTNER_PRIVATE_KEY_FILE: `${aKey}, ${bKey}`, MAS_PARTNER_CERTIFICATE_FILE: `${aCrt},${bCrt}` });
  assert.ok(ring);
  assert.deepEqual(ring.thumbprintsHex(), [a.thumbprintHex, b.thumbprintHex]);
  assert.equal(ring.keys[1].label, `${bKey} + ${bCrt}`);
});

test("not configured -> null (plain datashares only)", () => {
  assert.equal(loadKeyRingFromEnv({}), null);
  assert.equal(loadKeyRingFromEnv({ MAS_PARTNER_PRIVATE_KEY_FILE: " ", MAS_PARTNER_CERTIFICATE_FILE: "" }), null);
});

test("configuration errors name the variables or files", () => {
  const err = (fn: () => unknown, code: string, re: RegExp) =>
    assert.throws(fn, (e: unknown) => e instanceof KeyRingError && e.code === code && re.test(e.message));
  err(
    () => loadKeyRingFromEnv({ MAS_PARTNER_PRIVATE_KEY_FILE: `${aKey},${bKey}`, MAS_PARTNER_CERTIFICATE_FILE: aCrt }),
    "CONFIG",
    /MAS_PARTNER_PRIVATE_KEY_FILE lists 2 file\(s\) but MAS_PARTNER_CERTIFICATE_FILE lists 1/,
  );
  err(() => loadKeyRingFromFiles([join(dir, "missing.key")], [aCrt]), "INVALID_KEY", /cannot read private key file .*missing\.key: ENOENT/);
  err(() => loadKeyRingFromFiles([aKey], [join(dir, "missing.crt")]), "INVALID_CERTIFICATE", /missing\.crt: ENOENT/);
  err(() => loadKeyRingFromFiles([aKey], [bCrt]), "KEY_CERT_MISMATCH", /a\.key \+ .*b\.crt: private key does not belong/);
  err(() => loadKeyRingFromFiles([], []), "CONFIG", /no partner key files/);
});
