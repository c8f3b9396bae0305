import { test } from "node:test";
import assert from "node:assert/strict";
import { readMessageMeta } from "./read-message-meta";

test("a JMS TextMessage: no content-length", () => {
  const m = readMessageMeta({ "message-id": "ID:x-1", destination: "/queue/q", expires: "1795387940394", timestamp: "1795387880394" });
  assert.equal(m.format, "TEXT");
  assert.equal(m.brokerMessageId, "ID:x-1");
  assert.equal(m.expiresAt?.getTime(), 1795387940394);
  assert.equal(m.timestamp?.getTime(), 1795387880394);
  assert.equal(m.redelivered, false);
});

test("a JMS BytesMessage: content-length present; redelivery flag", () => {
  const m = readMessageMeta({ "content-length": "48", redelivered: "true" });
  assert.equal(m.format, "BYTES");
  assert.equal(m.redelivered, true);
});

test("expires 0 (no TTL) and junk mean no expiry", () => {
  assert.equal(readMessageMeta({ expires: "0" }).expiresAt, null);
  assert.equal(readMessageMeta({ expires: "soon" }).expiresAt, null);
  assert.equal(readMessageMeta({}).expiresAt, null);
});

test("Artemis' amq-msg-type wins over content-length", () => {
  assert.equal(readMessageMeta({ "content-length": "3", "amq-msg-type": "text" }).format, "TEXT");
  assert.equal(readMessageMeta({ "amq-msg-type": "bytes" }).format, "BYTES");
});
