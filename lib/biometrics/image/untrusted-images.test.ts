import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import sharp from "sharp";
import { parseCbeff } from "../cbeff/parse-cbeff";
import { parseIsoRecord } from "../iso/parse-iso-record";
import { CBEFF_SAMPLES, readFixture } from "../testing/fixtures";
import { withBdb, withFaceImage, withUint } from "../testing/record-edit";
import { decodeBiometric } from "./decode-biometric";
import { DecodePool } from "./decode-pool";
import { findJpeg2000Codestream } from "./image-header.mjs";
import { decodeWithSharp } from "./sharp-decoder.mjs";

// Hostile images inside a CBEFF document, decoded the way the workbench does
// (CBEFF parse, then the decode worker pool).

const FACE = { file: "iso/face-fac030-jp2-lossy.iso", imageOffset: 73, bir: 6 };
const FINGER = { file: "iso/finger-fir020-jp2-lossless-left-index.iso", imageOffset: 69, bir: 10 };

const pool = new DecodePool({ size: 1 });
after(() => pool.close());

/** An ISO sample whose JPEG 2000 SIZ marker declares width x height; the ISO header is left as it was. */
function withSizSize(sample: { file: string; imageOffset: number }, width: number, height: number): Buffer {
  const iso = readFixture(sample.file);
  const siz = sample.imageOffset + findJpeg2000Codestream(iso.subarray(sample.imageOffset)) + 4;
  return withUint(withUint(iso, siz + 4, 4, width), siz + 8, 4, height);
}

/** The bio-utils 1.2 packet with BIR `bir`'s record replaced, parsed back from XML as load-subject does. */
function throughCbeff(bir: number, record: Uint8Array): Buffer {
  const xml = withBdb(readFixture(CBEFF_SAMPLES.packet12).toString("utf8"), bir, record);
  const bdb = parseCbeff(xml).birs[bir].bdb;
  assert.ok(bdb);
  return bdb;
}

function decodeInPool(iso: Uint8Array) {
  return decodeBiometric(iso, { run: (job) => pool.run(job), jobCodecs: pool.jobCodecs, variants: [{ size: "thumb", format: "webp" }] });
}

/** Largest growth of this process's RSS (worker threads included) while `work` runs. */
async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ value: T; grewBy: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 2);
  try {
    const value = await work();
    return { value, grewBy: Math.max(peak, process.memoryUsage.rss()) - before };
  } finally {
    clearInterval(sampler);
  }
}

describe("hostile images inside a CBEFF record", () => {
  for (const [name, sample] of [
    ["face", FACE],
    ["finger", FINGER],
  ] as const) {
    it(`refuses a JPEG 2000 ${name} declaring 60000x60000 pixels, with bounded memory`, async () => {
      const bdb = throughCbeff(sample.bir, withSizSize(sample, 60_000, 60_000));
      // Warm the pool first so its start-up is not counted.
      await decodeInPool(readFixture(sample.file));
      const { value, grewBy } = await peakRssGrowth(() => decodeInPool(bdb));
      const rep = value.representations[0];
      assert.match(rep.error ?? "", /JPEG2000 image declares 60000x60000 pixels, over the 4096x4096 limit/);
      assert.deepEqual(rep.images, []);
      // The metadata still shows, so the workbench marks this one image unreadable and the case works.
      assert.equal(rep.modality, name === "face" ? "Face" : "Finger");
      assert.ok(grewBy < 64 * 1024 * 1024, `RSS grew by ${Math.round(grewBy / 1048576)} MiB`);
      // The pool is unharmed.
      const next = await decodeInPool(readFixture(sample.file));
      assert.equal(next.representations[0].error, null);
    });
  }

  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="red"/></svg>');
  const others = async () => ({
    svg,
    tiff: await sharp({ create: { width: 16, height: 16, channels: 3, background: "#808080" } })
      .tiff()
      .toBuffer(),
    gif: await sharp({ create: { width: 16, height: 16, channels: 3, background: "#808080" } })
      .gif()
      .toBuffer(),
  });

  for (const [declared, code] of [
    ["JPEG", 0],
    ["PNG", 3],
  ] as const) {
    it(`refuses SVG, TIFF and GIF data in a face record declared ${declared}, before sharp sees it`, async () => {
      for (const [kind, bytes] of Object.entries(await others())) {
        // sharp would happily render each of them: the refusal is ours.
        assert.ok((await sharp(bytes).metadata()).width! > 0, kind);
        const face = readFixture(FACE.file);
        const record = withFaceImage(face, FACE.imageOffset, bytes, code);
        assert.equal(parseIsoRecord(record).representations[0].codec, declared);
        const rep = (await decodeInPool(throughCbeff(FACE.bir, record))).representations[0];
        assert.match(
          rep.error ?? "",
          new RegExp(`record declares ${declared} but the image data is not ${declared} .*refused without decoding`),
          kind,
        );
        assert.deepEqual(rep.images, [], kind);
        assert.equal(rep.decoded, null, kind);
      }
    });
  }

  it("refuses a JPEG inside a record declared PNG (not an edition alias)", async () => {
    const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#808080" } })
      .jpeg()
      .toBuffer();
    const record = withFaceImage(readFixture(FACE.file), FACE.imageOffset, jpeg, 3);
    const rep = (await decodeInPool(record)).representations[0];
    assert.match(rep.error ?? "", /record declares PNG but the image data is JPEG; refused without decoding/);
  });

  it("sharp's entry point itself refuses anything but the format it is told to expect", async () => {
    await assert.rejects(decodeWithSharp(svg, "PNG"), /image data is not PNG \(wrong signature\); refused without decoding/);
    await assert.rejects(decodeWithSharp(svg, "JPEG"), /image data is not JPEG \(wrong signature\)/);
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#808080" } })
      .png()
      .toBuffer();
    await assert.rejects(decodeWithSharp(png, "JPEG"), /image data is not JPEG/);
    assert.equal((await decodeWithSharp(png, "PNG")).width, 8);
  });
});
