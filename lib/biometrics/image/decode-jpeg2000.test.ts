import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parseCbeff } from "../cbeff/parse-cbeff";
import { parseIsoRecord } from "../iso/parse-iso-record";
import { CBEFF_SAMPLES, ISO_SAMPLES, readFixture } from "../testing/fixtures";
import { opjDecode } from "../testing/opj-reference";
import { decodeJpeg2000 } from "./decode-jpeg2000";
import { thumbnailReduction } from "./jpeg2000-wasm.mjs";
import { readJpeg2000Decompositions } from "./image-header.mjs";
import { isImageDecodeError } from "./image-decode-error";

const OPJ_COMPRESS = "/usr/bin/opj_compress";

function jp2Samples(): { name: string; image: Buffer; lossless: boolean | null }[] {
  const out = ISO_SAMPLES.filter((s) => s.codec === "JPEG2000").map((s) => {
    const rep = parseIsoRecord(readFixture(s.file)).representations[0];
    return { name: s.file, image: rep.image, lossless: rep.lossless };
  });
  for (const file of Object.values(CBEFF_SAMPLES)) {
    for (const bir of parseCbeff(readFixture(file)).birs) {
      const rep = parseIsoRecord(bir.bdb!).representations[0];
      out.push({ name: `${file}#${bir.index}`, image: rep.image, lossless: rep.lossless });
    }
  }
  return out;
}

/** A bare J2K main header (SOC + SIZ) with the given geometry and no tile data. */
function sizOnly(width: number, height: number, sampling: [number, number][]): Uint8Array {
  const siz = Buffer.alloc(2 + 2 + 38 + sampling.length * 3);
  siz.writeUInt16BE(0xff4f, 0);
  siz.writeUInt16BE(0xff51, 2);
  siz.writeUInt16BE(38 + sampling.length * 3, 4);
  siz.writeUInt32BE(width, 8);
  siz.writeUInt32BE(height, 12);
  siz.writeUInt32BE(width, 24);
  siz.writeUInt32BE(height, 28);
  siz.writeUInt16BE(sampling.length, 40);
  sampling.forEach(([dx, dy], i) => {
    siz[42 + i * 3] = 7;
    siz[43 + i * 3] = dx;
    siz[44 + i * 3] = dy;
  });
  return siz;
}

describe("decodeJpeg2000 (OpenJPEG wasm)", () => {
  it("decodes every MOSIP JPEG 2000 sample bit-exactly like Debian's opj_decompress", async () => {
    const samples = jp2Samples();
    assert.equal(samples.length, 30, "7 ISO files + 23 CBEFF BDBs carry JPEG 2000");
    for (const sample of samples) {
      const ours = await decodeJpeg2000(sample.image);
      const reference = opjDecode(sample.image, ours.channels);
      assert.equal(ours.width, reference.width, sample.name);
      assert.equal(ours.height, reference.height, sample.name);
      assert.equal(ours.channels, reference.channels, sample.name);
      assert.equal(reference.maxValue, 255);
      assert.ok(Buffer.from(ours.data).equals(reference.data), `${sample.name}: pixels differ from opj_decompress`);
    }
  });

  it("decodes at a reduced resolution level bit-exactly like opj_decompress -r, at the size each level gives", async () => {
    const checked: string[] = [];
    for (const sample of jp2Samples()) {
      const levels = readJpeg2000Decompositions(sample.image);
      assert.ok(levels !== null && levels >= 1, `${sample.name}: decomposition levels in the main header`);
      // Level 1 on every sample; level 2 where the sample has it, on the first few (each check runs opj_decompress).
      for (const reduce of checked.length < 8 && levels >= 2 ? [1, 2] : [1]) {
        const ours = await decodeJpeg2000(sample.image, { reduce });
        assert.equal(ours.reduce, reduce);
        const size = [Math.ceil(ours.fullWidth / 2 ** reduce), Math.ceil(ours.fullHeight / 2 ** reduce)];
        assert.deepEqual([ours.width, ours.height], size, sample.name);
        const reference = opjDecode(sample.image, ours.channels, reduce);
        assert.deepEqual([ours.width, ours.height], [reference.width, reference.height], sample.name);
        assert.ok(Buffer.from(ours.data).equals(reference.data), `${sample.name} at -r ${reduce}: pixels differ from opj_decompress`);
        checked.push(`${sample.name}:${reduce}`);
      }
    }
    assert.ok(checked.length >= 30);
  });

  it("a reduced decode is the full image at lower resolution, not something else", async () => {
    // The 600x400 colour face of the exception photo: level 1 is 300x200. Box-averaging the full decode down by
    // two gives nearly the same picture (the wavelet's low-pass is not a box filter, so not identical).
    const image = parseIsoRecord(readFixture("iso/exception-photo-fac030-jp2.iso")).representations[0].image;
    const full = await decodeJpeg2000(image);
    const half = await decodeJpeg2000(image, { reduce: 1 });
    assert.deepEqual([full.width, full.height, half.width, half.height, half.channels], [600, 400, 300, 200, 3]);
    let diff = 0;
    let spread = 0;
    const mean = half.data.reduce((a, v) => a + v, 0) / half.data.length;
    for (let y = 0; y < 200; y++)
      for (let x = 0; x < 300; x++)
        for (let c = 0; c < 3; c++) {
          const at = (yy: number, xx: number) => full.data[(yy * 600 + xx) * 3 + c];
          const box = (at(2 * y, 2 * x) + at(2 * y, 2 * x + 1) + at(2 * y + 1, 2 * x) + at(2 * y + 1, 2 * x + 1)) / 4;
          const v = half.data[(y * 300 + x) * 3 + c];
          diff += Math.abs(v - box);
          spread += Math.abs(v - mean);
        }
    const n = 300 * 200 * 3;
    assert.ok(diff / n < 4, `mean difference from the box-averaged full decode: ${(diff / n).toFixed(2)} grey levels`);
    assert.ok(spread / n > 20, "the reduced image is a picture, not a flat field");
  });

  it("chooses the most levels a thumbnail can drop while its longest side stays at least the thumbnail's", () => {
    const photo = parseIsoRecord(readFixture("iso/exception-photo-fac030-jp2.iso")).representations[0].image;
    const face = parseIsoRecord(readFixture("iso/face-fac030-jp2-lossy.iso")).representations[0].image;
    assert.equal(thumbnailReduction(photo, 256), 1, "600x400 -> 300x200");
    assert.equal(thumbnailReduction(photo, 150), 2, "600x400 -> 150x100");
    assert.equal(thumbnailReduction(photo, 1), 4, "never more than its 4 decomposition levels");
    assert.equal(thumbnailReduction(face, 256), 0, "240x320 has no level with a 256-pixel side left");
    assert.equal(thumbnailReduction(face, 160), 1);
  });

  it("reports the wavelet: reversible for the lossless MockMDS records", async () => {
    const finger = parseIsoRecord(readFixture("iso/finger-fir020-jp2-lossless-left-index.iso")).representations[0];
    const face = parseIsoRecord(readFixture("iso/face-fac030-jp2-lossy.iso")).representations[0];
    assert.equal((await decodeJpeg2000(finger.image)).reversible, true);
    assert.equal((await decodeJpeg2000(face.image)).reversible, false);
  });

  it("reduces 12-bit samples to 8 bits", async () => {
    if (!existsSync(OPJ_COMPRESS)) {
      assert.fail(`${OPJ_COMPRESS} is missing: install the Debian package libopenjp2-tools to build the 12-bit test image`);
    }
    const dir = mkdtempSync(join(tmpdir(), "mas-j2k12-"));
    try {
      const width = 64;
      const height = 32;
      const samples = Array.from({ length: width * height }, (_, i) => (i * 37) % 4096);
      const pgm = Buffer.alloc(width * height * 2);
      for (const [i, v] of samples.entries()) pgm.writeUInt16BE(v, i * 2);
      writeFileSync(join(dir, "in.pgm"), Buffer.concat([Buffer.from(`P5\n${width} ${height}\n4095\n`), pgm]));
      const run = spawnSync(OPJ_COMPRESS, ["-i", join(dir, "in.pgm"), "-o", join(dir, "out.j2k")], { encoding: "utf8" });
      assert.equal(run.status, 0, run.stderr);
      const decoded = await decodeJpeg2000(readFileSync(join(dir, "out.j2k")));
      assert.equal(decoded.sourceBitDepth, 12);
      assert.equal(decoded.channels, 1);
      assert.deepEqual(
        [...decoded.data],
        samples.map((v) => v >> 4),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses oversized and subsampled images from the header, before decoding", async () => {
    await assert.rejects(decodeJpeg2000(sizOnly(100_000, 100_000, [[1, 1]])), /declares 100000x100000 pixels, over the 4096x4096 limit/);
    await assert.rejects(
      decodeJpeg2000(
        sizOnly(64, 64, [
          [1, 1],
          [2, 2],
          [2, 2],
        ]),
      ),
      /subsampled colour components are not supported/,
    );
  });

  it("turns corrupt and truncated data into ImageDecodeError, and keeps working afterwards", async () => {
    const image = parseIsoRecord(readFixture("iso/finger-fir020-jp2-lossless-left-index.iso")).representations[0].image;
    const cases: [string, Uint8Array, RegExp][] = [
      ["truncated", image.subarray(0, 5000), /produced no image|rejected/],
      ["garbage", Buffer.alloc(3000, 0x41), /no JPEG 2000 codestream found/],
      ["empty", new Uint8Array(0), /no JPEG 2000 codestream found/],
      ["header only", image.subarray(0, 120), /SIZ|produced no image|rejected/],
    ];
    for (const [name, bytes, pattern] of cases) {
      await assert.rejects(decodeJpeg2000(bytes), (e: unknown) => {
        assert.ok(isImageDecodeError(e), `${name}: ${String(e)}`);
        assert.match(e.message, /^JPEG 2000 decode failed: /);
        assert.match(e.message, pattern, name);
        return true;
      });
    }
    const again = await decodeJpeg2000(image);
    assert.equal(again.width, 280);
  });
});
