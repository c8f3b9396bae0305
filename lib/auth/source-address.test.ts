import { test } from "node:test";
import assert from "node:assert/strict";
import { sourceAddress } from "./source-address";

test("behind a trusted proxy the right-most X-Forwarded-For entry is the client, whatever the client put before it", () => {
  assert.equal(sourceAddress("203.0.113.9, 198.51.100.7", true), "198.51.100.7");
  assert.equal(sourceAddress("1.1.1.1, 2.2.2.2, 198.51.100.7", true), "198.51.100.7");
  assert.equal(sourceAddress("198.51.100.7", true), "198.51.100.7");
});

test("without a trusted proxy the header is taken whole: a forged entry never names another client's bucket", () => {
  assert.equal(sourceAddress("203.0.113.9, 198.51.100.7", false), "203.0.113.9, 198.51.100.7");
  assert.notEqual(sourceAddress("203.0.113.9, 198.51.100.7", false), sourceAddress("198.51.100.7", false));
  assert.equal(sourceAddress(undefined, false), "unknown");
  assert.equal(sourceAddress("x".repeat(200), false).length, 64);
});
