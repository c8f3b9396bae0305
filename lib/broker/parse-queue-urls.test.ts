import { test } from "node:test";
import assert from "node:assert/strict";
import { parseQueueUrls } from "./parse-queue-urls";

test("one URL with credentials; the display form hides the password", () => {
  const [e] = parseQueueUrls("stomp://artemis:s%40cret@mq.example:61613");
  assert.equal(e.host, "mq.example");
  assert.equal(e.port, 61613);
  assert.equal(e.login, "artemis");
  assert.equal(e.passcode, "s@cret");
  assert.equal(e.display, "stomp://artemis:***@mq.example:61613");
  assert.ok(!e.display.includes("cret"));
});

test("comma-separated URLs keep their order for failover; default port 61613", () => {
  const list = parseQueueUrls(" stomp://a , stomp://u@b:1234,stomp://[::1]:7");
  assert.deepEqual(
    list.map((e) => [e.host, e.port, e.login]),
    [
      ["a", 61613, undefined],
      ["b", 1234, "u"],
      ["::1", 7, undefined],
    ],
  );
  assert.equal(list[1].display, "stomp://u@b:1234");
});

test("errors never echo the URL (it may hold a password)", () => {
  assert.throws(
    () => parseQueueUrls("tcp://u:pw@h:61616"),
    (e: Error) => !e.message.includes("pw") && /stomp:\/\//.test(e.message),
  );
  assert.throws(() => parseQueueUrls(" , "), /no broker URL/);
});

test("stomp+ssl:// members connect over TLS with the configured files, default port 61614; plain members stay plain", () => {
  const files = { caFile: "/etc/mas/ca.pem", certFile: undefined, keyFile: undefined };
  const [tls, plain] = parseQueueUrls("stomp+ssl://mas:pw@mq.example,stomp://mq2.example", files);
  assert.equal(tls.port, 61614);
  assert.deepEqual(tls.tls, files);
  assert.equal(tls.display, "stomp+ssl://mas:***@mq.example:61614");
  assert.equal(plain.tls, null);
  assert.equal(plain.port, 61613);
});
