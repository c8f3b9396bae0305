import { test } from "node:test";
import assert from "node:assert/strict";
import { downloadResult, intakeReason, metrics } from "./metrics";

test("one registry per process, whichever module asks", () => {
  assert.equal(metrics(), metrics());
});

test("open-ended codes fold into closed label sets", () => {
  assert.equal(downloadResult(null), "stored");
  assert.equal(downloadResult("HTTP_503"), "http_error");
  assert.equal(downloadResult("NETWORK_ECONNREFUSED"), "network");
  assert.equal(downloadResult("DAT-SER-006"), "mosip_error");
  assert.equal(intakeReason("NOT_JSON"), "NOT_JSON");
  assert.equal(intakeReason("10001100010000120250101000000"), "OTHER");
});

test("the exposition names every metric the operations issue asks for", async () => {
  metrics().intakeMessages.inc({ queue: "mosip-to-adjudication", outcome: "created" });
  const text = await metrics().registry.metrics();
  for (const name of [
    "mas_intake_messages_total",
    "mas_intake_errors_total",
    "mas_datashare_downloads_total",
    "mas_datashare_download_seconds",
    "mas_request_to_ready_seconds",
    "mas_cases",
    "mas_case_open_seconds",
    "mas_image_decode_seconds",
    "mas_decisions_total",
    "mas_outbox_messages",
    "mas_decision_to_receipt_seconds",
    "mas_http_request_duration_seconds",
  ])
    assert.match(text, new RegExp(`# TYPE ${name} `), name);
  assert.match(text, /mas_intake_messages_total\{queue="mosip-to-adjudication",outcome="created"\} 1/);
});
