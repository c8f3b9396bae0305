import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readFixture } from "../testing/fixtures";
import { adjustU32, withUint } from "../testing/record-edit";
import { IsoRecordError } from "./iso-record-error";
import { parseFingerRecord } from "./parse-finger-record";

const LOSSLESS = "iso/finger-fir020-jp2-lossless-left-index.iso";
const WSQ = "iso/finger-fir020-wsq-left-index.iso";
const FIR010 = "iso/finger-fir010-left-index.iso";

describe("parseFingerRecord, FIR 020 (ISO 19794-4:2011)", () => {
  it("reads the MockMDS registration sample (certification flag 1, two certification blocks)", () => {
    const buf = readFixture(LOSSLESS);
    const rec = parseFingerRecord(buf);
    assert.equal(rec.modality, "Finger");
    assert.equal(rec.version, "020");
    assert.equal(rec.recordLength, buf.length);
    assert.equal(rec.certificationFlag, 1);
    assert.equal(rec.trailingBytes, 0);
    assert.equal(rec.representations.length, 1);
    const rep = rec.representations[0];
    assert.equal(rep.captureDate, "2022-12-28T12:30:15.976Z");
    assert.deepEqual(rep.qualityBlocks, [{ score: 57, algorithmVendorId: 0x40, algorithmId: 0x0f }]);
    assert.equal(rep.certificationBlockCount, 2);
    assert.equal(rep.position, "LEFT_INDEX");
    assert.equal(rep.positionCode, 7);
    assert.deepEqual(rep.imageResolution, { horizontal: 500, vertical: 500 });
    assert.equal(rep.bitDepth, 8);
    assert.equal(rep.codec, "JPEG2000");
    assert.equal(rep.codecCode, 5);
    assert.equal(rep.lossless, true);
    assert.equal(rep.width, 280);
    assert.equal(rep.height, 448);
    // Image at 69 = 16 header + 53 representation header with 1 quality and 2 certification blocks.
    assert.ok(rep.image.equals(buf.subarray(69, 69 + 98650)));
  });

  it("skips the extended data blocks that follow the image inside the representation", () => {
    const buf = readFixture(LOSSLESS);
    const rep = parseFingerRecord(buf).representations[0];
    const imageEnd = rep.image.byteOffset - buf.byteOffset + rep.image.length;
    assert.equal(buf.length - imageEnd, 60, "the sample carries 60 bytes of segmentation/annotation/comment data");
  });

  it("reads the WSQ sample without certification blocks (image at byte 62)", () => {
    const buf = readFixture(WSQ);
    const rep = parseFingerRecord(buf).representations[0];
    assert.equal(rep.codec, "WSQ");
    assert.equal(rep.lossless, false);
    assert.equal(rep.certificationBlockCount, 0);
    assert.equal(rep.width, 280);
    assert.equal(rep.height, 448);
    assert.ok(rep.image.equals(buf.subarray(62)));
    assert.equal(rep.image[0], 0xff);
    assert.equal(rep.image[1], 0xa0);
  });

  it("tolerates bytes after the declared record end and reports them", () => {
    const buf = Buffer.concat([readFixture(WSQ), Buffer.alloc(100, 0xee)]);
    const rec = parseFingerRecord(buf);
    assert.equal(rec.trailingBytes, 100);
    assert.equal(rec.representations[0].image.length, 9840);
  });

  it("rejects a record cut short, naming the record length field", () => {
    const buf = readFixture(LOSSLESS).subarray(0, 5000);
    assert.throws(
      () => parseFingerRecord(buf),
      (e: unknown) => {
        assert.ok(e instanceof IsoRecordError);
        assert.match(e.message, /truncated/);
        assert.match(e.message, /record length at offset 8 says 98779 bytes but only 5000/);
        assert.equal(e.field, "record length");
        assert.equal(e.offset, 8);
        return true;
      },
    );
  });

  it("rejects an image length that runs past its representation, naming field and offset", () => {
    const buf = withUint(readFixture(LOSSLESS), 65, 4, 98650 + 61);
    assert.throws(
      () => parseFingerRecord(buf),
      (e: unknown) => {
        assert.ok(e instanceof IsoRecordError);
        assert.equal(e.field, "image data");
        assert.equal(e.offset, 69);
        assert.match(e.message, /FIR 020: truncated record: image data at offset 69 needs 98711 byte\(s\) but only 98710 remain/);
        return true;
      },
    );
  });

  it("rejects a representation length larger than the record", () => {
    const buf = adjustU32(readFixture(WSQ), [16], 1);
    assert.throws(() => parseFingerRecord(buf), /representation 1 length at offset 16: says 9887 bytes but only 9886 remain/);
  });

  it("rejects a quality block count that runs past the end of the representation", () => {
    // 255 blocks need 1275 bytes; keep a 200-byte representation (ending at 216) so they cannot fit.
    let buf = withUint(readFixture(WSQ).subarray(0, 216), 34, 1, 255);
    buf = withUint(withUint(buf, 8, 4, 216), 16, 4, 200);
    assert.throws(
      () => parseFingerRecord(buf),
      (e: unknown) => {
        assert.ok(e instanceof IsoRecordError);
        assert.match(
          e.message,
          /^FIR 020: truncated record: quality block 37 algorithm vendor id at offset 216 needs 2 byte\(s\) but only 0 remain$/,
        );
        return true;
      },
    );
  });

  it("rejects zero representations and unsupported versions", () => {
    assert.throws(() => parseFingerRecord(withUint(readFixture(WSQ), 12, 2, 0)), /no representation/);
    const v030 = Buffer.from(readFixture(WSQ));
    v030.write("030", 4, "latin1");
    assert.throws(() => parseFingerRecord(v030), /FIR: unsupported version "030\\u0000" at offset 4/);
  });
});

describe("parseFingerRecord, FIR 010 (ISO 19794-4:2005)", () => {
  it("reads the bio-utils sample: 32-byte header with a 6-byte record length", () => {
    const buf = readFixture(FIR010);
    const rec = parseFingerRecord(buf);
    assert.equal(rec.version, "010");
    // The first four bytes of the 6-byte length are zero, which a 4-byte reader would take for "no length".
    assert.equal(buf.readUInt32BE(8), 0);
    assert.equal(rec.recordLength, buf.length);
    const rep = rec.representations[0];
    assert.equal(rep.position, "LEFT_INDEX");
    assert.equal(rep.viewNumber, 1);
    assert.deepEqual(rep.qualityBlocks, [{ score: 81, algorithmVendorId: null, algorithmId: null }]);
    assert.equal(rep.captureDate, null);
    assert.equal(rep.width, 252);
    assert.equal(rep.height, 427);
    assert.equal(rep.bitDepth, 8);
    assert.equal(rep.codec, "JPEG2000");
    assert.equal(rep.codecCode, 4);
    assert.equal(rep.lossless, null);
    assert.ok(rep.image.equals(buf.subarray(46)));
  });

  it("maps 2005 compression code 5 to PNG (2011 uses 6)", () => {
    const rep = parseFingerRecord(withUint(readFixture(FIR010), 29, 1, 5)).representations[0];
    assert.equal(rep.codec, "PNG");
  });

  it("uses the input length when the record length field is zero", () => {
    const buf = Buffer.from(readFixture(FIR010));
    buf.fill(0, 8, 14);
    const rec = parseFingerRecord(buf);
    assert.equal(rec.recordLength, 0);
    assert.equal(rec.representations[0].image.length, 10539);
  });

  it("rejects a finger data length smaller than its own header", () => {
    const buf = withUint(readFixture(FIR010), 32, 4, 10);
    assert.throws(() => parseFingerRecord(buf), /finger 1 data length at offset 32: value 10 is smaller than the 14-byte finger header/);
  });

  it("rejects a finger count larger than the data present", () => {
    const buf = withUint(readFixture(FIR010), 18, 1, 2);
    assert.throws(
      () => parseFingerRecord(buf),
      (e: unknown) => {
        assert.ok(e instanceof IsoRecordError);
        assert.equal(e.field, "finger 2 data length");
        assert.equal(e.offset, 10585);
        return true;
      },
    );
  });
});
