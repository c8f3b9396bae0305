import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseIsoRecord } from "../iso/parse-iso-record";
import { ISO_SAMPLES, readFixture } from "../testing/fixtures";
import { sniffCodec } from "./sniff-codec";

describe("sniffCodec", () => {
  it("recognises the image inside every sample record", () => {
    for (const sample of ISO_SAMPLES) {
      const rep = parseIsoRecord(readFixture(sample.file)).representations[0];
      assert.equal(sniffCodec(rep.image), sample.codec, sample.file);
    }
  });

  it("recognises J2K codestreams, JPEG and PNG, and returns null for raw pixels", () => {
    assert.equal(sniffCodec(Uint8Array.from([0xff, 0x4f, 0xff, 0x51, 0, 0x29])), "JPEG2000");
    assert.equal(sniffCodec(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])), "JPEG");
    assert.equal(sniffCodec(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), "PNG");
    assert.equal(sniffCodec(Uint8Array.from([0x80, 0x81, 0x82, 0x83])), null);
    assert.equal(sniffCodec(new Uint8Array(0)), null);
  });
});
