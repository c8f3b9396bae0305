import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { isPlainDatashare, openAtRest, parseDataKey, sealAtRest, SealedBodyError } from "./seal-at-rest";

const payload = Buffer.from(JSON.stringify({ identity: { fullName: [{ language: "eng", value: "Amina Tazi" }] }, biometrics: null }));

test("a sealed body opens to the same bytes and does not contain them", () => {
  const key = randomBytes(32);
  const sealed = sealAtRest(payload, key, "row-1");
  assert.equal(sealed.includes(Buffer.from("Amina")), false);
  assert.equal(isPlainDatashare(sealed), false, "a sealed body is never taken for a plain datashare");
  assert.deepEqual(openAtRest(sealed, key, "row-1"), payload);
  assert.notDeepEqual(sealAtRest(payload, key, "row-1"), sealed, "a fresh nonce every time");
});

test("any altered byte is detected", () => {
  const key = randomBytes(32);
  const sealed = sealAtRest(payload, key, "row-1");
  for (const i of [7, 20, sealed.length - 20, sealed.length - 1]) {
    const bad = Buffer.from(sealed);
    bad[i] ^= 1;
    assert.throws(() => openAtRest(bad, key, "row-1"), SealedBodyError);
  }
  assert.throws(() => openAtRest(sealed.subarray(0, sealed.length - 1), key, "row-1"), SealedBodyError);
  assert.throws(() => openAtRest(payload, key, "row-1"), /not sealed/);
});

test("another key or another row's id does not open it", () => {
  const key = randomBytes(32);
  const sealed = sealAtRest(payload, key, "row-1");
  assert.throws(() => openAtRest(sealed, randomBytes(32), "row-1"), /MAS_DATA_KEY_FILE/);
  assert.throws(() => openAtRest(sealed, key, "row-2"), /another row/);
});

test("plain datashares are JSON objects; partner-encrypted ones are base64 text", () => {
  assert.equal(isPlainDatashare(Buffer.from('  \n{"identity":{}}')), true);
  assert.equal(isPlainDatashare(Buffer.from("VkVSX1IyAAAA")), false);
  assert.equal(isPlainDatashare(Buffer.alloc(0)), false);
});

test("the key file holds base64 of exactly 32 bytes", () => {
  const key = randomBytes(32);
  assert.deepEqual(parseDataKey(`${key.toString("base64")}\n`, "f"), key);
  assert.throws(
    () => parseDataKey(randomBytes(16).toString("base64"), "MAS_DATA_KEY_FILE"),
    /MAS_DATA_KEY_FILE must hold base64 of exactly 32/,
  );
  assert.throws(() => parseDataKey("not base64!", "f"), /openssl rand -base64 32/);
  assert.throws(() => sealAtRest(payload, randomBytes(16), "x"), /32 bytes/);
});
