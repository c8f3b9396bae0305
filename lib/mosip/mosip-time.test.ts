import { test } from "node:test";
import assert from "node:assert/strict";
import { formatMosipTime, isMosipTimeFormat, parseMosipTime } from "./mosip-time";

test("formatMosipTime writes yyyy-MM-dd'T'HH:mm:ss.SSS'Z' in UTC", () => {
  assert.equal(formatMosipTime(new Date(Date.UTC(2021, 0, 19, 7, 16, 22, 930))), "2021-01-19T07:16:22.930Z");
  assert.equal(formatMosipTime(new Date(Date.UTC(2024, 1, 29, 0, 0, 0, 5))), "2024-02-29T00:00:00.005Z");
});

test("formatMosipTime refuses invalid dates and years Java's pattern cannot carry", () => {
  assert.throws(() => formatMosipTime(new Date(NaN)), RangeError);
  assert.throws(() => formatMosipTime(new Date(Date.UTC(10000, 0, 1))), RangeError);
});

test("parseMosipTime reads MOSIP's pattern and the ISO variants seen in MOSIP samples", () => {
  const at = (s: string) => parseMosipTime(s)?.toISOString() ?? null;
  assert.equal(at("2021-01-19T07:16:22.930Z"), "2021-01-19T07:16:22.930Z");
  assert.equal(at("2022-09-23T06:31:31.7456782+00:00"), "2022-09-23T06:31:31.745Z");
  assert.equal(at("2021-01-19T07:16:22Z"), "2021-01-19T07:16:22.000Z");
  assert.equal(at("2021-01-19T07:16:22.9Z"), "2021-01-19T07:16:22.900Z");
  assert.equal(at("2021-01-19T09:16:22.930+02:00"), "2021-01-19T07:16:22.930Z");
  assert.equal(at("2021-01-19T02:16:22.930-0500"), "2021-01-19T07:16:22.930Z");
  assert.equal(at("2021-01-19T07:16"), "2021-01-19T07:16:00.000Z", "no zone means UTC");
  assert.equal(at("2021-01-19 07:16:22.930"), "2021-01-19T07:16:22.930Z");
});

test("parseMosipTime rejects garbage and impossible dates", () => {
  for (const s of ["", "yesterday", "2021-02-30T00:00:00.000Z", "2021-13-01T00:00:00Z", "2021-01-01T24:00:00Z", "1611040582930"]) {
    assert.equal(parseMosipTime(s), null, s);
  }
});

test("isMosipTimeFormat is exact", () => {
  assert.equal(isMosipTimeFormat("2021-01-19T07:16:22.930Z"), true);
  assert.equal(isMosipTimeFormat("2021-01-19T07:16:22Z"), false);
  assert.equal(isMosipTimeFormat("2022-09-23T06:31:31.7456782+00:00"), false);
  assert.equal(isMosipTimeFormat("2021-02-30T07:16:22.930Z"), false);
  assert.equal(isMosipTimeFormat(12), false);
});
