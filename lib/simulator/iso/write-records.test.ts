import assert from "node:assert/strict";
import { describe, it } from "node:test";
import sharp from "sharp";
import { decodeBiometric } from "@/lib/biometrics/image/decode-biometric";
import { parseIsoRecord } from "@/lib/biometrics/iso/parse-iso-record";
import type { FaceRecord, FingerRecord, IrisRecord } from "@/lib/biometrics/iso/types";
import { encodeWsq } from "@/lib/biometrics/wsq/encode-wsq";
import { writeFaceRecord } from "./write-face-record";
import { writeFingerRecord } from "./write-finger-record";
import { writeIrisRecord } from "./write-iris-record";

const THUMB = [{ size: "thumb", format: "png" }] as const;
const when = new Date("2025-03-04T05:06:07.089Z");

async function greyPng(width: number, height: number): Promise<{ png: Buffer; raw: Uint8Array }> {
  const raw = new Uint8Array(width * height);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7) % 251;
  const png = await sharp(Buffer.from(raw), { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
  return { png, raw };
}

describe("ISO 19794 record writers", () => {
  it("writes a FIR 020 PNG finger record the parser and decoder read back field for field", async () => {
    const { png } = await greyPng(64, 80);
    const record = writeFingerRecord({
      positionCode: 7,
      compression: "PNG",
      width: 64,
      height: 80,
      image: png,
      ppi: 500,
      quality: [{ score: 77, algorithmVendorId: 0x0103, algorithmId: 2 }],
      captureDate: when,
    });
    const parsed = parseIsoRecord(record) as FingerRecord;
    assert.equal(parsed.format, "FIR");
    assert.equal(parsed.version, "020");
    assert.equal(parsed.recordLength, record.length);
    assert.equal(parsed.trailingBytes, 0);
    const rep = parsed.representations[0];
    assert.equal(rep.position, "LEFT_INDEX");
    assert.equal(rep.codec, "PNG");
    assert.deepEqual([rep.width, rep.height, rep.bitDepth], [64, 80, 8]);
    assert.deepEqual(rep.imageResolution, { horizontal: 500, vertical: 500 });
    assert.deepEqual(rep.qualityBlocks, [{ score: 77, algorithmVendorId: 0x0103, algorithmId: 2 }]);
    assert.equal(rep.captureDate, when.toISOString());
    // The contract notes: with one quality block and no certification, the image starts at byte 62.
    assert.equal(rep.image.byteOffset - record.byteOffset, 62);
    const decoded = await decodeBiometric(record, { variants: [...THUMB] });
    assert.equal(decoded.representations[0].error, null);
    assert.deepEqual(decoded.representations[0].warnings, []);
    assert.equal(decoded.representations[0].decoded?.width, 64);
    assert.equal(decoded.representations[0].decoded?.height, 80);
  });

  it("writes a WSQ finger record that decodes to the declared size", async () => {
    const { raw } = await greyPng(96, 112);
    const wsq = encodeWsq(raw, 96, 112, { ppi: 500 });
    const record = writeFingerRecord({ positionCode: 1, compression: "WSQ", width: 96, height: 112, image: wsq, quality: [{ score: 60 }] });
    const rep = (parseIsoRecord(record) as FingerRecord).representations[0];
    assert.equal(rep.codec, "WSQ");
    assert.equal(rep.position, "RIGHT_THUMB");
    const decoded = await decodeBiometric(record, { variants: [...THUMB] });
    assert.equal(decoded.representations[0].error, null);
    assert.deepEqual([decoded.representations[0].decoded?.width, decoded.representations[0].decoded?.height], [96, 112]);
  });

  it("writes a FAC 030 PNG face record (RGB, image at byte 73)", async () => {
    const png = await sharp({ create: { width: 48, height: 64, channels: 3, background: "#c08060" } })
      .png()
      .toBuffer();
    const record = writeFaceRecord({
      dataType: "PNG",
      width: 48,
      height: 64,
      image: png,
      colourSpace: 1,
      quality: [{ score: 88 }],
      captureDate: when,
      gender: 2,
    });
    const parsed = parseIsoRecord(record) as FaceRecord;
    assert.equal(parsed.version, "030");
    const rep = parsed.representations[0];
    assert.deepEqual([rep.codec, rep.colour, rep.width, rep.height, rep.faceImageType], ["PNG", "rgb", 48, 64, 1]);
    assert.equal(rep.qualityBlocks[0].score, 88);
    assert.equal(rep.image.byteOffset - record.byteOffset, 73);
    const decoded = await decodeBiometric(record, { variants: [...THUMB] });
    assert.equal(decoded.representations[0].error, null);
    assert.deepEqual([decoded.representations[0].decoded?.width, decoded.representations[0].decoded?.height], [48, 64]);
  });

  it("writes an IIR 020 mono PNG iris record (image at byte 73)", async () => {
    const { png } = await greyPng(64, 48);
    const record = writeIrisRecord({
      eye: "RIGHT",
      format: "MONO_PNG",
      width: 64,
      height: 48,
      image: png,
      quality: [{ score: 91 }],
      captureDate: when,
      geometry: { cx: 32, cy: 24, diameter: 30 },
    });
    const parsed = parseIsoRecord(record) as IrisRecord;
    const rep = parsed.representations[0];
    assert.deepEqual([rep.eye, rep.codec, rep.colour, rep.width, rep.height, rep.bitDepth], ["RIGHT", "PNG", "grey", 64, 48, 8]);
    assert.equal(rep.qualityBlocks[0].score, 91);
    assert.equal(rep.image.byteOffset - record.byteOffset, 73);
    const decoded = await decodeBiometric(record, { variants: [...THUMB] });
    assert.equal(decoded.representations[0].error, null);
  });

  it("refuses values that do not fit their fields instead of truncating them", () => {
    assert.throws(
      () => writeFingerRecord({ positionCode: 1, compression: "PNG", width: 70000, height: 1, image: new Uint8Array(1), quality: [] }),
      /width/,
    );
  });
});
