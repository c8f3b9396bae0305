import assert from "node:assert/strict";
import { test } from "node:test";
import { IsoRecordError } from "@/lib/biometrics/iso/iso-record-error";
import { readMinutiaeRecord, writeMinutiaeRecord } from "./iso-minutiae-record";
import type { FingerTemplate } from "./types";

const template: FingerTemplate = {
  width: 280,
  height: 448,
  ppi: 500,
  minutiae: [
    { x: 12, y: 400, angle: 0, type: "ENDING", quality: 80 },
    { x: 279, y: 0, angle: Math.PI / 2, type: "BIFURCATION", quality: 1 },
    { x: 140, y: 224, angle: 5.9, type: "ENDING", quality: 100 },
  ],
};

test("a template survives writing and reading an ISO 19794-2:2005 record", () => {
  const bytes = writeMinutiaeRecord([{ position: 7, viewNumber: 0, impressionType: 0, quality: 60, template }]);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x46, 0x4d, 0x52, 0, 0x20, 0x32, 0x30, 0]);
  assert.equal(new DataView(bytes.buffer).getUint32(8), bytes.length);
  assert.equal(bytes.length, 24 + 4 + 3 * 6 + 2);
  const record = readMinutiaeRecord(bytes);
  assert.equal(record.views.length, 1);
  const view = record.views[0];
  assert.deepEqual([view.position, view.quality, view.template.width, view.template.height, view.template.ppi], [7, 60, 280, 448, 500]);
  template.minutiae.forEach((m, k) => {
    const r = view.template.minutiae[k];
    assert.deepEqual([r.x, r.y, r.type, r.quality], [m.x, m.y, m.type, m.quality]);
    const d = Math.abs(r.angle - m.angle) % (2 * Math.PI);
    assert.ok(Math.min(d, 2 * Math.PI - d) <= Math.PI / 256 + 1e-9, `angle ${m.angle} came back as ${r.angle}`);
  });
});

test("angles are stored counter-clockwise as the standard says, though image y points down", () => {
  // Pointing up the image (y decreasing) is +90 degrees in the standard: 64 units of 360/256.
  const up: FingerTemplate = { ...template, minutiae: [{ x: 1, y: 1, angle: (3 * Math.PI) / 2, type: "ENDING", quality: 50 }] };
  const bytes = writeMinutiaeRecord([{ position: 1, viewNumber: 0, impressionType: 0, quality: 50, template: up }]);
  assert.equal(bytes[24 + 4 + 4], 64);
  assert.equal(bytes[24 + 4] >> 6, 1, "ridge ending is type 01");
});

test("a truncated record is refused with the field that ran out", () => {
  const bytes = writeMinutiaeRecord([{ position: 2, viewNumber: 0, impressionType: 0, quality: 50, template }]);
  assert.throws(() => readMinutiaeRecord(bytes.subarray(0, 40)), IsoRecordError);
  const wrongMagic = bytes.slice();
  wrongMagic[0] = 0x58;
  assert.throws(() => readMinutiaeRecord(wrongMagic), /not a FMR record/);
});
