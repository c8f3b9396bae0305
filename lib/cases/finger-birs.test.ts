import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCbeff } from "@/lib/biometrics/cbeff/parse-cbeff";
import { FINGER_POSITIONS } from "@/lib/biometrics/positions";
import { readFixture } from "@/lib/biometrics/testing/fixtures";
import { fingerBirs } from "./finger-birs";

test("MOSIP's ten-print CBEFF sample gives one finger image per position, the one the grid shows", () => {
  const { birs } = parseCbeff(readFixture("cbeff/cbeff-10fingers-fir010.xml"));
  const fingers = fingerBirs(birs);
  assert.deepEqual([...fingers.keys()].sort(), [...FINGER_POSITIONS].sort());
  for (const [position, index] of fingers) {
    assert.equal(birs[index].type, "Finger");
    assert.equal(birs[index].subtype, position);
  }
});

test("a finger BIR without image data, or a face, gives no position", () => {
  const { birs } = parseCbeff(readFixture("cbeff/cbeff-sample-1.2-packet.xml"));
  const emptied = birs.map((b) => (b.subtype === "LEFT_INDEX" ? { ...b, bdb: Buffer.alloc(0) } : b));
  const fingers = fingerBirs(emptied);
  assert.equal(fingers.has("LEFT_INDEX"), false);
  for (const index of fingers.values()) assert.equal(emptied[index].type, "Finger");
});
