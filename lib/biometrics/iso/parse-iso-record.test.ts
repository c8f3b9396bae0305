import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ISO_SAMPLES, readFixture } from "../testing/fixtures";
import { IsoRecordError } from "./iso-record-error";
import { parseIsoRecord } from "./parse-iso-record";

describe("parseIsoRecord", () => {
  for (const sample of ISO_SAMPLES) {
    it(`dispatches ${sample.file} to the ${sample.modality} parser and finds the image`, () => {
      const buf = readFixture(sample.file);
      const rec = parseIsoRecord(buf);
      assert.equal(rec.modality, sample.modality);
      assert.equal(rec.version, sample.version);
      const rep = rec.representations[0];
      assert.equal(rep.width, sample.width);
      assert.equal(rep.height, sample.height);
      assert.equal(rep.codec, sample.codec);
      assert.equal(rep.lossless, sample.lossless);
      assert.ok(rep.image.equals(buf.subarray(sample.imageOffset, sample.imageOffset + sample.imageLength)));
    });
  }

  it("rejects unknown magic and tiny inputs", () => {
    assert.throws(
      () => parseIsoRecord(Buffer.from("%PDF-1.7")),
      /unknown biometric record: format identifier at offset 0 is 0x 25 50 44 46/,
    );
    assert.throws(() => parseIsoRecord(Buffer.alloc(0)), /truncated record: 0 byte\(s\)/);
    assert.throws(
      () => parseIsoRecord(Buffer.from("FIR\u0000020", "latin1")),
      (e: unknown) => e instanceof IsoRecordError && /header needs 8 bytes/.test(e.message),
    );
  });

  it("throws only IsoRecordError for every truncation of every sample", () => {
    for (const sample of ISO_SAMPLES) {
      const buf = readFixture(sample.file);
      const cuts = new Set<number>();
      for (let n = 0; n < Math.min(buf.length, 120); n++) cuts.add(n);
      for (let n = 120; n < buf.length; n += 997) cuts.add(n);
      cuts.add(buf.length - 1);
      for (const n of cuts) {
        assert.throws(
          () => parseIsoRecord(buf.subarray(0, n)),
          (e: unknown) => e instanceof IsoRecordError && e.message.length > 0,
          `${sample.file} cut to ${n} bytes`,
        );
      }
    }
  });

  it("never crashes with anything but IsoRecordError when header bytes are corrupted", () => {
    // Deterministic pseudo-random corruption of the first 80 bytes (all headers live there).
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (const sample of ISO_SAMPLES) {
      const original = readFixture(sample.file);
      for (let round = 0; round < 300; round++) {
        const buf = Buffer.from(original);
        const flips = 1 + (next() % 4);
        for (let i = 0; i < flips; i++) buf[8 + (next() % 72)] = next() & 0xff;
        try {
          const rec = parseIsoRecord(buf);
          for (const rep of rec.representations) {
            const start = rep.image.byteOffset - buf.byteOffset;
            assert.ok(start >= 0 && start + rep.image.length <= buf.length, "image stays inside the input");
          }
        } catch (e) {
          assert.ok(e instanceof IsoRecordError, `${sample.file} round ${round}: ${(e as Error).name}: ${(e as Error).message}`);
        }
      }
    }
  });
});
