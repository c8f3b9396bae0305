import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { openAtRest } from "@/lib/crypto/seal-at-rest";
import { protectBody } from "./protect-body";

const key = randomBytes(32);
const plain = Buffer.from('{"identity":{"fullName":"Amina Tazi"},"biometrics":null}');
const encrypted = Buffer.from("VkVSX1IyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

test("a partner-encrypted body is stored as received", () => {
  const r = protectBody(encrypted, { plaintext: "refuse", dataKey: () => key, downloadId: "d1" });
  assert.ok(r.ok);
  assert.equal(r.stored.storage, "RECEIVED");
  assert.equal(r.stored.body, encrypted);
});

test("a plain body is refused as a permanent failure when the policy says refuse", () => {
  const r = protectBody(plain, { plaintext: "refuse", dataKey: () => key, downloadId: "d1" });
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.code === "PLAINTEXT_REFUSED" && r.permanent);
  assert.match(!r.ok ? r.message : "", /MAS_ALLOW_PLAINTEXT_DATASHARE=true/);
});

test("a plain body is sealed under the data key when allowed, its digest that of what was received", () => {
  const r = protectBody(plain, { plaintext: "seal", dataKey: () => key, downloadId: "d1" });
  assert.ok(r.ok);
  assert.equal(r.stored.storage, "LOCAL_KEY");
  assert.equal(r.stored.body.includes(Buffer.from("Amina")), false);
  assert.deepEqual(openAtRest(r.stored.body, key, "d1"), plain);
  assert.equal(r.stored.size, plain.length);
  assert.equal(r.stored.sha256.length, 64);
});
