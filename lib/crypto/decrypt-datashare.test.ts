import { test } from "node:test";
import assert from "node:assert/strict";
import { constants, createCipheriv, createHash, privateDecrypt, publicEncrypt, randomBytes } from "node:crypto";
import { decryptDatashare, DatashareDecryptError } from "./decrypt-datashare";
import { encryptDatashare } from "./encrypt-datashare";
import { generatePartnerKey } from "./generate-partner-key";
import { createKeyRing } from "./key-ring";

const a = generatePartnerKey({ commonName: "partner-a" });
const b = generatePartnerKey({ commonName: "partner-b" });
const stranger = generatePartnerKey({ commonName: "someone-else" });
const ring = createKeyRing([
  { privateKeyPem: a.privateKeyPem, certificatePem: a.certificatePem, label: "key-a" },
  { privateKeyPem: b.privateKeyPem, certificatePem: b.certificatePem, label: "key-b" },
]);

const payload = JSON.stringify({
  biometrics: Buffer.from("<BIR/>").toString("base64url"),
  identity: { fullName: '[{"language":"eng","value":"Taleev Aalam"}]' },
  documents: null,
  metaInfo: "{}",
  audits: "[]",
});
const SPLITTER = Buffer.from("#KEY_SPLITTER#");

function decryptError(fn: () => unknown, code: string, message?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DatashareDecryptError, String(e));
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    assert.doesNotMatch(e.message, /Taleev/);
    return true;
  });
}

function decode(body: string): { block1: Buffer; block2: Buffer } {
  const raw = Buffer.from(body, "base64url");
  const at = raw.indexOf(SPLITTER);
  return { block1: raw.subarray(0, at), block2: raw.subarray(at + SPLITTER.length) };
}
const encode = (block1: Buffer, block2: Buffer) => Buffer.concat([block1, SPLITTER, block2]).toString("base64url");

test("plain JSON (encryptionType none) passes through untouched", () => {
  const r = decryptDatashare(payload, ring);
  assert.equal(r.format, "PLAIN");
  assert.equal(r.plaintext.toString("utf8"), payload);
  assert.equal(r.thumbprintHex, null);
  assert.equal(decryptDatashare(Buffer.from(`\n ${payload}\n`), null).format, "PLAIN", "no key ring needed");
  const envelope = '{"errors":[{"errorCode":"DAT-SER-006","message":"Data share usage expired"}]}';
  assert.equal(decryptDatashare(envelope, ring).plaintext.toString(), envelope, "error envelopes come out as plain JSON");
});

test("VER_R2 round trip: URL-safe base64 without padding", () => {
  const body = encryptDatashare(payload, a.certificatePem);
  assert.match(body, /^[A-Za-z0-9_-]+$/);
  const { block1, block2 } = decode(body);
  assert.equal(block1.subarray(0, 6).toString(), "VER_R2");
  assert.equal(block1.subarray(6, 38).toString("hex"), a.thumbprintHex);
  assert.equal(block1.length, 6 + 32 + 256);
  assert.equal(block2.length, 32 + Buffer.byteLength(payload) + 16);
  const r = decryptDatashare(body, ring);
  assert.deepEqual(
    { format: r.format, thumbprintHex: r.thumbprintHex, keyLabel: r.keyLabel },
    { format: "VER_R2", thumbprintHex: a.thumbprintHex, keyLabel: "key-a" },
  );
  assert.equal(r.plaintext.toString("utf8"), payload);
});

test("legacy (<= 1.1.5.5) round trip: no version, IV (16 bytes) after ciphertext||tag, standard base64 too", () => {
  for (const encoding of ["base64url", "base64"] as const) {
    const body = encryptDatashare(payload, b.certificate, { format: "LEGACY", encoding });
    const raw = Buffer.from(body, "base64");
    const at = raw.indexOf(SPLITTER);
    assert.equal(at, 32 + 256);
    assert.equal(raw.length - at - SPLITTER.length, Buffer.byteLength(payload) + 16 + 16);
    const r = decryptDatashare(body, ring);
    assert.equal(r.format, "LEGACY");
    assert.equal(r.keyLabel, "key-b");
    assert.equal(r.plaintext.toString("utf8"), payload);
  }
});

test("a body built by hand from MOSIP's documented VER_R2 layout decrypts", () => {
  const aesKey = randomBytes(32);
  const random = randomBytes(32);
  const cipher = createCipheriv("aes-256-gcm", aesKey, random.subarray(0, 12));
  cipher.setAAD(random);
  const ct = Buffer.concat([cipher.update(payload), cipher.final(), cipher.getAuthTag()]);
  const wrapped = publicEncrypt({ key: a.certificate.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, aesKey);
  const body = encode(
    Buffer.concat([Buffer.from("VER_R2"), createHash("sha256").update(a.certificate.raw).digest(), wrapped]),
    Buffer.concat([random, ct]),
  );
  assert.equal(decryptDatashare(body, ring).plaintext.toString(), payload);
  // raw (already base64-decoded) bytes are accepted as well
  assert.equal(decryptDatashare(Buffer.from(body, "base64url"), ring).plaintext.toString(), payload);
});

test("the wrapped key uses OAEP with SHA-256 *and* MGF1-SHA-256 (not Java's default MGF1-SHA1)", () => {
  const { block1 } = decode(encryptDatashare(payload, a.certificatePem));
  const em = privateDecrypt({ key: a.privateKey, padding: constants.RSA_NO_PADDING }, block1.subarray(38));
  const oaepDecode = (mgfHash: string) => {
    const mgf1 = (seed: Buffer, len: number) => {
      const out: Buffer[] = [];
      for (let i = 0; Buffer.concat(out).length < len; i++) {
        const c = Buffer.alloc(4);
        c.writeUInt32BE(i);
        out.push(
          createHash(mgfHash)
            .update(Buffer.concat([seed, c]))
            .digest(),
        );
      }
      return Buffer.concat(out).subarray(0, len);
    };
    const xor = (x: Buffer, y: Buffer) => Buffer.from(x.map((v, i) => v ^ y[i]));
    const maskedSeed = em.subarray(1, 33);
    const maskedDb = em.subarray(33);
    const seed = xor(maskedSeed, mgf1(maskedDb, 32));
    const db = xor(maskedDb, mgf1(seed, maskedDb.length));
    return { lHashOk: db.subarray(0, 32).equals(createHash("sha256").update("").digest()), keyLength: db.length - db.indexOf(1, 32) - 1 };
  };
  assert.deepEqual(oaepDecode("sha256"), { lHashOk: true, keyLength: 32 });
  assert.equal(oaepDecode("sha1").lHashOk, false);
});

test("several keys: the thumbprint in the body selects the key", () => {
  assert.equal(decryptDatashare(encryptDatashare("x", a.certificate), ring).keyLabel, "key-a");
  assert.equal(decryptDatashare(encryptDatashare("y", b.certificate), ring).keyLabel, "key-b");
  assert.equal(decryptDatashare(encryptDatashare("z", b.certificate, { format: "LEGACY" }), ring).plaintext.toString(), "z");
});

test("UNKNOWN_THUMBPRINT names the body's thumbprint and the configured ones", () => {
  const body = encryptDatashare(payload, stranger.certificate);
  decryptError(
    () => decryptDatashare(body, ring),
    "UNKNOWN_THUMBPRINT",
    new RegExp(`thumbprint ${stranger.thumbprintHex}; configured: ${a.thumbprintHex}, ${b.thumbprintHex}`),
  );
  decryptError(() => decryptDatashare(body, null), "UNKNOWN_THUMBPRINT", /configured: none/);
  decryptError(
    () => decryptDatashare(encryptDatashare(payload, stranger.certificate, { format: "LEGACY" }), ring),
    "UNKNOWN_THUMBPRINT",
    new RegExp(stranger.thumbprintHex),
  );
});

test("BAD_TAG when ciphertext, tag, AAD or IV is altered", () => {
  const flip = (buf: Buffer, i: number) => {
    const c = Buffer.from(buf);
    c[i] ^= 0x01;
    return c;
  };
  const r2 = decode(encryptDatashare(payload, a.certificate));
  // byte 0: nonce; 20: AAD beyond the nonce (proves all 32 bytes are authenticated); 40: ciphertext; last: tag
  for (const i of [0, 20, 40, r2.block2.length - 1]) {
    decryptError(() => decryptDatashare(encode(r2.block1, flip(r2.block2, i)), ring), "BAD_TAG", /AES-GCM authentication failed/);
  }
  const legacy = decode(encryptDatashare(payload, a.certificate, { format: "LEGACY" }));
  for (const i of [0, legacy.block2.length - 17, legacy.block2.length - 1]) {
    decryptError(() => decryptDatashare(encode(legacy.block1, flip(legacy.block2, i)), ring), "BAD_TAG");
  }
  // a download cut short in the data block also fails authentication
  decryptError(() => decryptDatashare(encode(r2.block1, r2.block2.subarray(0, r2.block2.length - 10)), ring), "BAD_TAG");
});

test("TRUNCATED names the block that is too short", () => {
  const { block1, block2 } = decode(encryptDatashare(payload, a.certificate));
  decryptError(
    () => decryptDatashare(encode(block1.subarray(0, 20), block2), ring),
    "TRUNCATED",
    /^Block1 \(key block\) is 20 bytes; VER_R2 needs 6 version \+ 32 thumbprint/,
  );
  decryptError(
    () => decryptDatashare(encode(block1.subarray(0, 100), block2), ring),
    "TRUNCATED",
    /^Block1 \(key block\): wrapped AES key is 62 bytes, the 2048-bit RSA key needs 256/,
  );
  decryptError(
    () => decryptDatashare(encode(block1, block2.subarray(0, 40)), ring),
    "TRUNCATED",
    /^Block2 \(data block\) is 40 bytes; VER_R2 needs at least 48/,
  );
  const legacy = decode(encryptDatashare(payload, a.certificate, { format: "LEGACY" }));
  decryptError(
    () => decryptDatashare(encode(legacy.block1.subarray(0, 31), legacy.block2), ring),
    "TRUNCATED",
    /^Block1 \(key block\) is 31 bytes; LEGACY needs 32 thumbprint/,
  );
  decryptError(
    () => decryptDatashare(encode(legacy.block1, legacy.block2.subarray(0, 31)), ring),
    "TRUNCATED",
    /^Block2 \(data block\) is 31 bytes; LEGACY needs at least 32/,
  );
});

test("RSA_FAILED when the key block does not unwrap", () => {
  const { block1, block2 } = decode(encryptDatashare(payload, a.certificate));
  const garbage = Buffer.concat([block1.subarray(0, 38), randomBytes(256)]);
  decryptError(
    () => decryptDatashare(encode(garbage, block2), ring),
    "RSA_FAILED",
    /RSA-OAEP \(SHA-256, MGF1-SHA-256\) unwrap of the AES key failed with key-a/,
  );
  decryptError(
    () => decryptDatashare(encode(Buffer.concat([block1, Buffer.alloc(3)]), block2), ring),
    "RSA_FAILED",
    /259 bytes, expected exactly 256/,
  );
});

test("NOT_DATASHARE for anything else", () => {
  decryptError(() => decryptDatashare("<html>gateway timeout</html>", ring), "NOT_DATASHARE", /neither a JSON object nor base64/);
  decryptError(() => decryptDatashare("", ring), "NOT_DATASHARE");
  decryptError(() => decryptDatashare(Buffer.from("aGVsbG8gd29ybGQ"), ring), "NOT_DATASHARE", /without the #KEY_SPLITTER# marker/);
  decryptError(() => decryptDatashare('{"biometrics":"abc', ring), "NOT_DATASHARE", /not a complete JSON object/);
  decryptError(() => decryptDatashare("[1,2,3]", ring), "NOT_DATASHARE");
});
