import { test } from "node:test";
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { createLogger, toLog } from "./logger";
import { messageLogId, requestIdFrom } from "./request-id";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, destination };
}

test("lines are JSON with a level name, and personal keys and bodies never reach the output", () => {
  const { lines, destination } = capture();
  const log = createLogger({ level: "info", destination });
  log.info(
    { rid: "10001100010000120250101000000", message: { referenceURL: "http://datashare/x", body: "{secret}" }, headers: { a: 1 } },
    "received",
  );
  log.error({ err: new Error("first line\nparameter: 10001100010000120250101000000") }, "failed");
  log.debug("hidden below the level");
  assert.equal(lines.length, 2);
  const first = JSON.parse(lines[0]);
  assert.equal(first.level, "info");
  assert.equal(first.msg, "received");
  const all = lines.join("\n");
  assert.ok(!all.includes("10001100010000120250101000000"), all);
  assert.ok(!all.includes("http://datashare"), all);
  assert.ok(!all.includes("{secret}"), all);
  assert.equal(JSON.parse(lines[1]).err.message, "first line");
});

test("toLog keeps the level and the fields", () => {
  const { lines, destination } = capture();
  toLog(createLogger({ destination }))("lease lost", "warn", { downloadId: "d1" });
  const line = JSON.parse(lines[0]);
  assert.equal(line.level, "warn");
  assert.equal(line.downloadId, "d1");
});

test("a well-formed X-Request-Id is kept; anything else is replaced", () => {
  assert.equal(requestIdFrom("abc-123-def-456"), "abc-123-def-456");
  for (const bad of [null, "", "short", "has space in it", "x".repeat(200), 'inj"ect\nion-id']) {
    const id = requestIdFrom(bad);
    assert.notEqual(id, bad);
    assert.match(id, /^[0-9a-f-]{36}$/);
  }
});

test("a message's log id is a stable hash, not the broker's id", () => {
  const id = "ID:mosip-host-12345-1:1:1:1:1";
  assert.equal(messageLogId(id), messageLogId(id));
  assert.ok(!messageLogId(id).includes("mosip-host"));
  assert.equal(messageLogId(id).length, 16);
});

test("the text format shows time, level, component and message, and redacts as the JSON one does", () => {
  const { lines, destination } = capture();
  const log = createLogger({ level: "info", destination, format: "text" }).child({ component: "bridge" });
  log.info({ rid: "10001100010000120250101000000", caseId: "c1" }, "case created");
  log.error({ err: new Error("broker gone\nparameter: 10001100010000120250101000000") }, "consumer stopped");
  assert.match(lines[0], /^\d\d:\d\d:\d\d\.\d{3} INFO {2}\[bridge\] case created rid=\[redacted\] caseId=c1$/);
  assert.match(lines[1], /ERROR \[bridge\] consumer stopped$/);
  assert.equal(lines[2], "  Error: broker gone");
  assert.ok(
    lines.slice(3).every((l) => l.trimStart().startsWith("at ")),
    lines.join("\n"),
  );
  assert.ok(!lines.join("\n").includes("10001100010000120250101000000"));
});
