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
