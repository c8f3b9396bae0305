import assert from "node:assert/strict";
import { describe, it } from "node:test";
import sharp from "sharp";
import { parseCbeff } from "../cbeff/parse-cbeff";
import { IsoRecordError } from "../iso/iso-record-error";
import { parseIsoRecord } from "../iso/parse-iso-record";
import { CBEFF_SAMPLES, ISO_SAMPLES, readFixture } from "../testing/fixtures";
import { opjDecode } from "../testing/opj-reference";
import { decodeBiometric, DEFAULT_VARIANTS } from "./decode-biometric";

function fitsThumb(width: number, height: number, image: { width: number; height: number }): boolean {
  const scale = Math.min(1, 256 / Math.max(width, height));
  return (
    Math.max(image.width, image.height) <= 256 && Math.abs(image.width - width * scale) <= 1 && Math.abs(image.height - height * scale) <= 1
  );
}

describe("decodeBiometric", () => {
  for (const sample of ISO_SAMPLES) {
    it(`renders ${sample.file} at the size the record declares`, async () => {
      const result = await decodeBiometric(readFixture(sample.file));
      assert.equal(result.modality, sample.modality);
      assert.equal(result.version, sample.version);
      assert.equal(result.representations.length, 1);
      const rep = result.representations[0];
      assert.equal(rep.error, null);
      assert.deepEqual(rep.warnings, []);
      assert.equal(rep.codec, sample.codec);
      assert.equal(rep.position, sample.position);
      assert.deepEqual([rep.width, rep.height], [sample.width, sample.height]);
      assert.deepEqual([rep.decoded?.width, rep.decoded?.height, rep.decoded?.channels], [sample.width, sample.height, sample.channels]);
      assert.deepEqual(
        rep.images.map((i) => `${i.size}/${i.format}`),
        DEFAULT_VARIANTS.map((v) => `${v.size}/${v.format}`),
      );
      for (const image of rep.images) {
        const meta = await sharp(image.data).metadata();
        assert.equal(meta.format, image.format);
        assert.deepEqual([meta.width, meta.height], [image.width, image.height]);
        if (image.size === "full") assert.deepEqual([image.width, image.height], [sample.width, sample.height]);
        else assert.ok(fitsThumb(sample.width, sample.height, image), `${image.width}x${image.height}`);
      }
    });
  }

  it("makes a JPEG 2000 thumbnail from a reduced resolution level, and decodes in full when a full image is asked for too", async () => {
    // 600x400: level 1 (300x200) still covers a 256-pixel thumbnail, so the thumbnail-only job skips a level.
    const iso = readFixture("iso/exception-photo-fac030-jp2.iso");
    const thumbOnly = (await decodeBiometric(iso, { variants: [{ size: "thumb", format: "webp" }] })).representations[0];
    assert.equal(thumbOnly.error, null);
    assert.deepEqual(thumbOnly.warnings, [], "the record's declared size is checked against the image's own, not the reduced one");
    assert.deepEqual([thumbOnly.decoded?.width, thumbOnly.decoded?.height, thumbOnly.decoded?.reducedBy], [600, 400, 1]);
    const thumb = thumbOnly.images[0];
    assert.deepEqual([thumb.width, thumb.height], [256, 171]);
    const both = (await decodeBiometric(iso, { variants: DEFAULT_VARIANTS })).representations[0];
    assert.equal(both.decoded?.reducedBy, 0);
    // The two thumbnails show the same picture: mean difference of a few grey levels at most.
    const a = await sharp(thumb.data).raw().toBuffer();
    const b = await sharp(both.images[0].data).raw().toBuffer();
    assert.equal(a.length, b.length);
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff += Math.abs(a[i] - b[i]);
    assert.ok(diff / a.length < 4, `thumbnails differ by ${(diff / a.length).toFixed(2)} on average`);
    // WSQ and the small JPEG 2000 samples keep a full decode.
    for (const file of ["iso/finger-fir020-wsq-left-index.iso", "iso/face-fac030-jp2-lossy.iso"]) {
      const rep = (await decodeBiometric(readFixture(file), { variants: [{ size: "thumb", format: "webp" }] })).representations[0];
      assert.equal(rep.decoded?.reducedBy, 0, file);
    }
  });

  it("produces full PNGs whose pixels equal opj_decompress output for JPEG 2000 samples", async () => {
    for (const sample of ISO_SAMPLES.filter((s) => s.codec === "JPEG2000")) {
      const iso = readFixture(sample.file);
      const rep = (await decodeBiometric(iso, { variants: [{ size: "full", format: "png" }] })).representations[0];
      const png = rep.images[0].data;
      const pipeline = sharp(png);
      const pixels = await (sample.channels === 1 ? pipeline.toColourspace("b-w") : pipeline).raw().toBuffer();
      const reference = opjDecode(parseIsoRecord(iso).representations[0].image, sample.channels);
      assert.ok(pixels.equals(reference.data), sample.file);
    }
  });

  it("renders every biometric of both CBEFF samples", async () => {
    for (const file of Object.values(CBEFF_SAMPLES)) {
      for (const bir of parseCbeff(readFixture(file)).birs) {
        const result = await decodeBiometric(bir.bdb!, { variants: [{ size: "thumb", format: "webp" }] });
        const rep = result.representations[0];
        assert.equal(rep.error, null, `${file}#${bir.index}`);
        assert.equal(result.modality, bir.type);
        assert.deepEqual([rep.decoded?.width, rep.decoded?.height], [rep.width, rep.height], `${file}#${bir.index}`);
        assert.ok(fitsThumb(rep.width, rep.height, rep.images[0]));
      }
    }
  });

  it("warns when a record claims lossless JPEG 2000 but the codestream is irreversible", async () => {
    // The bio-utils 1.2 sample declares compression 5 on fingers encoded with the 9/7 wavelet.
    const bir = parseCbeff(readFixture(CBEFF_SAMPLES.packet12)).birs[0];
    const rep = (await decodeBiometric(bir.bdb!, { variants: [] })).representations[0];
    assert.equal(rep.lossless, true);
    assert.equal(rep.decoded?.reversible, false);
    assert.deepEqual(rep.warnings, ["record declares lossless JPEG 2000 but the codestream uses the irreversible wavelet"]);
  });

  it("keeps metadata and reports the error when only the image is corrupt", async () => {
    const iso = Buffer.from(readFixture("iso/finger-fir020-jp2-lossless-left-index.iso"));
    iso.fill(0x41, 69, 69 + 200); // overwrite the JP2 signature and header boxes
    const result = await decodeBiometric(iso);
    const rep = result.representations[0];
    assert.equal(rep.position, "LEFT_INDEX");
    assert.equal(rep.qualityScore, 57);
    assert.equal(rep.captureDate, "2022-12-28T12:30:15.976Z");
    assert.deepEqual(rep.images, []);
    assert.equal(rep.decoded, null);
    assert.match(rep.error ?? "", /^record declares JPEG2000 but the image data is not JPEG2000/);
  });

  it("flags a declared codec that the data contradicts, and still renders", async () => {
    const iso = Buffer.from(readFixture("iso/iris-iir020-jp2-left.iso"));
    iso[44] = 0x0e; // 2011 code for mono PNG, but the payload is JP2
    const rep = (await decodeBiometric(iso, { variants: [{ size: "thumb", format: "webp" }] })).representations[0];
    assert.equal(rep.declaredCodec, "PNG");
    assert.equal(rep.codec, "JPEG2000");
    assert.deepEqual(rep.warnings, ["record declares PNG (code 14) but the data is JPEG2000"]);
    assert.equal(rep.images.length, 1);
  });

  it("rejects a malformed record with IsoRecordError", async () => {
    await assert.rejects(decodeBiometric(readFixture("iso/face-fac030-jp2-lossy.iso").subarray(0, 60)), IsoRecordError);
  });
});
