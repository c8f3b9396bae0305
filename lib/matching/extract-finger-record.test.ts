import assert from "node:assert/strict";
import { test } from "node:test";
import { readFixture } from "@/lib/biometrics/testing/fixtures";
import { extractFingerRecord, greyOf } from "./extract-finger-record";
import { matchTemplates } from "./match-templates";

test("a MOSIP finger record becomes a template whichever codec it carries, and the same capture matches itself", async () => {
  const jp2 = await extractFingerRecord(readFixture("iso/finger-fir020-jp2-lossless-left-index.iso"));
  const wsq = await extractFingerRecord(readFixture("iso/finger-fir020-wsq-left-index.iso"));
  const other = await extractFingerRecord(readFixture("iso/finger-fir010-left-index.iso"));
  for (const t of [jp2, wsq, other]) assert.ok(t.template.minutiae.length >= 20, `${t.template.minutiae.length} minutiae`);
  assert.equal(jp2.template.ppi, 500);
  const same = matchTemplates(jp2.template, wsq.template).score;
  const different = matchTemplates(jp2.template, other.template).score;
  assert.ok(same >= 25, `same capture across codecs scored ${same}`);
  assert.ok(different < 25, `different fingers scored ${different}`);
});

test("a record that is not a finger is refused", async () => {
  await assert.rejects(extractFingerRecord(readFixture("iso/face-fac030-jp2-lossless.iso")), /expected a finger record/);
});

test("an RGB or grey+alpha decode becomes one grey channel by luma", () => {
  assert.deepEqual([...greyOf(new Uint8Array([10, 10, 10, 255, 0, 0, 0, 0, 255]), 3)], [10, 76, 29]);
  assert.deepEqual([...greyOf(new Uint8Array([7, 255, 9, 0]), 2)], [7, 9]);
  const grey = new Uint8Array([1, 2, 3]);
  assert.equal(greyOf(grey, 1), grey);
});
