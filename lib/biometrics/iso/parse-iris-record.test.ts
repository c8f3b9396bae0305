import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readFixture } from "../testing/fixtures";
import { adjustU32, removeBytes, withUint } from "../testing/record-edit";
import { IsoRecordError } from "./iso-record-error";
import { parseIrisRecord } from "./parse-iris-record";

const IIR020 = "iso/iris-iir020-jp2-left.iso";
const IIR010 = "iso/iris-iir010-sample.iso";

describe("parseIrisRecord, IIR 020 (ISO 19794-6:2011)", () => {
  it("reads the MockMDS left iris: format 0x0A is mono JPEG 2000, image at 73", () => {
    const buf = readFixture(IIR020);
    const rec = parseIrisRecord(buf);
    assert.equal(rec.version, "020");
    const rep = rec.representations[0];
    assert.equal(rep.eye, "LEFT");
    assert.equal(rep.imageType, 3);
    assert.equal(rep.codec, "JPEG2000");
    assert.equal(rep.codecCode, 0x0a);
    assert.equal(rep.colour, "grey");
    assert.equal(rep.bitDepth, 8);
    assert.equal(rep.width, 417);
    assert.equal(rep.height, 313);
    assert.deepEqual(
      rep.qualityBlocks.map((q) => q.score),
      [96],
    );
    assert.equal(rep.captureDate, "2022-12-22T14:38:22.994Z");
    assert.ok(rep.image.equals(buf.subarray(73)));
  });

  it("computes the image offset with zero quality blocks (image at 68, as in bio-utils CBEFFs)", () => {
    const original = readFixture(IIR020);
    let buf = removeBytes(original, 35, 5);
    buf = withUint(buf, 34, 1, 0);
    buf = adjustU32(buf, [8, 16], -5);
    const rep = parseIrisRecord(buf).representations[0];
    assert.deepEqual(rep.qualityBlocks, []);
    assert.equal(rep.image.byteOffset - buf.byteOffset, 68);
    assert.ok(rep.image.equals(original.subarray(73)));
  });

  it("maps 2011 format 0x0E to PNG", () => {
    assert.equal(parseIrisRecord(withUint(readFixture(IIR020), 44, 1, 0x0e)).representations[0].codec, "PNG");
  });

  it("rejects an image length beyond the record", () => {
    const buf = withUint(readFixture(IIR020), 69, 4, 0xffffffff);
    assert.throws(
      () => parseIrisRecord(buf),
      (e: unknown) => {
        assert.ok(e instanceof IsoRecordError);
        assert.equal(e.field, "image data");
        assert.equal(e.offset, 73);
        return true;
      },
    );
  });
});

describe("parseIrisRecord, IIR 010 (ISO 19794-6:2005)", () => {
  it("reads the bio-utils sample: 45-byte header, subtype and image headers, image at 59", () => {
    const buf = readFixture(IIR010);
    const rec = parseIrisRecord(buf);
    assert.equal(rec.version, "010");
    assert.equal(rec.recordLength, buf.length);
    assert.equal(rec.representations.length, 1);
    const rep = rec.representations[0];
    assert.equal(rep.eye, "LEFT");
    // 0x0E is mono JPEG 2000 in the 2005 numbering (PNG in 2011).
    assert.equal(rep.codecCode, 0x0e);
    assert.equal(rep.codec, "JPEG2000");
    assert.equal(rep.width, 640);
    assert.equal(rep.height, 480);
    assert.equal(rep.bitDepth, 8);
    assert.deepEqual(rep.qualityBlocks, [{ score: 80, algorithmVendorId: null, algorithmId: null }]);
    assert.equal(rep.captureDate, null);
    assert.ok(rep.image.equals(buf.subarray(59)));
  });

  it("maps 2005 format 0x0A to JPEG-LS, not JPEG 2000", () => {
    assert.equal(parseIrisRecord(withUint(readFixture(IIR010), 21, 2, 0x0a)).representations[0].codec, "JPEG_LS");
  });

  it("honours a record header longer than 45 bytes", () => {
    const original = readFixture(IIR010);
    let buf: Buffer = Buffer.concat([original.subarray(0, 45), Buffer.alloc(4), original.subarray(45)]);
    buf = withUint(buf, 15, 2, 49);
    buf = adjustU32(buf, [8], 4);
    const rep = parseIrisRecord(buf).representations[0];
    assert.ok(rep.image.equals(original.subarray(59)));
  });

  it("rejects a header length below the minimum", () => {
    assert.throws(
      () => parseIrisRecord(withUint(readFixture(IIR010), 15, 2, 20)),
      /record header length at offset 15: value 20 is below the minimum of 45/,
    );
  });

  it("rejects more images than the record holds", () => {
    const buf = withUint(readFixture(IIR010), 46, 2, 2);
    assert.throws(
      () => parseIrisRecord(buf),
      (e: unknown) => {
        assert.ok(e instanceof IsoRecordError);
        assert.equal(e.field, "subtype 1 image 2 sequence number");
        assert.equal(e.offset, buf.length);
        return true;
      },
    );
  });
});
