import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readFixture } from "../testing/fixtures";
import { adjustU32, insertBytes, withUint } from "../testing/record-edit";
import { IsoRecordError } from "./iso-record-error";
import { parseFaceRecord } from "./parse-face-record";

const LOSSLESS = "iso/face-fac030-jp2-lossless.iso";

describe("parseFaceRecord (FAC 030, ISO 19794-5:2011)", () => {
  it("reads the registration face: 17-byte header, image at byte 73", () => {
    const buf = readFixture(LOSSLESS);
    const rec = parseFaceRecord(buf);
    assert.equal(rec.modality, "Face");
    assert.equal(rec.version, "030");
    assert.equal(rec.recordLength, buf.length);
    const rep = rec.representations[0];
    assert.equal(rep.captureDate, "2022-12-28T13:41:13.546Z");
    assert.deepEqual(rep.qualityBlocks, [{ score: 80, algorithmVendorId: 1, algorithmId: 1 }]);
    assert.equal(rep.landmarkCount, 0);
    assert.equal(rep.faceImageType, 1);
    assert.equal(rep.codec, "JPEG2000");
    assert.equal(rep.codecCode, 2);
    assert.equal(rep.lossless, true);
    assert.equal(rep.colour, "rgb");
    assert.equal(rep.bitDepth, 24);
    assert.equal(rep.width, 240);
    assert.equal(rep.height, 320);
    assert.ok(rep.image.equals(buf.subarray(73)));
  });

  it("distinguishes lossy JPEG 2000 (image data type 1)", () => {
    const rep = parseFaceRecord(readFixture("iso/face-fac030-jp2-lossy.iso")).representations[0];
    assert.equal(rep.codec, "JPEG2000");
    assert.equal(rep.lossless, false);
    assert.deepEqual(
      rep.qualityBlocks.map((q) => q.score),
      [40],
    );
  });

  it("reads the 600x400 exception photo", () => {
    const rep = parseFaceRecord(readFixture("iso/exception-photo-fac030-jp2.iso")).representations[0];
    assert.equal(rep.width, 600);
    assert.equal(rep.height, 400);
    assert.equal(rep.image.length, 209539);
  });

  it("computes the image offset from the landmark count", () => {
    // Add one 8-byte landmark point after the 17-byte facial information block (offset 58).
    const original = readFixture(LOSSLESS);
    let buf = insertBytes(original, 58, Buffer.from([1, 1, 0, 10, 0, 20, 0, 0]));
    buf = withUint(buf, 41, 2, 1);
    buf = adjustU32(buf, [8, 17], 8);
    const rep = parseFaceRecord(buf).representations[0];
    assert.equal(rep.landmarkCount, 1);
    assert.ok(rep.image.equals(original.subarray(73)));
    assert.equal(rep.image.byteOffset - buf.byteOffset, 81);
  });

  it("refuses 3-D representations with a clear message", () => {
    const buf = withUint(readFixture(LOSSLESS), 58, 1, 0x81);
    assert.throws(() => parseFaceRecord(buf), /face image type at offset 58: 3-D face representations \(type 0x81\) are not supported/);
  });

  it("rejects a landmark count that overruns the representation", () => {
    const buf = withUint(readFixture(LOSSLESS), 41, 2, 0xffff);
    assert.throws(
      () => parseFaceRecord(buf),
      (e: unknown) => {
        assert.ok(e instanceof IsoRecordError);
        assert.equal(e.field, "landmark points");
        assert.equal(e.offset, 58);
        return true;
      },
    );
  });

  it("rejects a non-face record", () => {
    assert.throws(
      () => parseFaceRecord(readFixture("iso/iris-iir020-jp2-left.iso")),
      /not a FAC record: format identifier at offset 0 is 0x 49 49 52 00/,
    );
  });
});
