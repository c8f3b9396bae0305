import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeRaw } from "./decode-raw";
import { ImageDecodeError } from "./image-decode-error";

describe("decodeRaw", () => {
  it("copies 8-bit grey pixels row by row, ignoring trailing bytes", () => {
    const bytes = Uint8Array.from([1, 2, 3, 4, 5, 6, 99]);
    const r = decodeRaw(bytes, { width: 3, height: 2, bitDepth: 8, colour: "grey", packed: false });
    assert.deepEqual({ ...r, data: [...r.data] }, { width: 3, height: 2, channels: 1, data: [1, 2, 3, 4, 5, 6] });
  });

  it("reads 24-bit RGB as three channels", () => {
    const r = decodeRaw(new Uint8Array(12).fill(7), { width: 2, height: 2, bitDepth: 24, colour: "rgb", packed: false });
    assert.equal(r.channels, 3);
    assert.equal(r.data.length, 12);
  });

  it("unpacks MSB-first bit-packed grey with byte-padded rows and stretches to 0-255", () => {
    // 1-bit, 3 pixels per row: row 0 = 1,0,1 ; row 1 = 0,1,1
    const oneBit = decodeRaw(Uint8Array.from([0b10100000, 0b01100000]), { width: 3, height: 2, bitDepth: 1, colour: "grey", packed: true });
    assert.deepEqual([...oneBit.data], [255, 0, 255, 0, 255, 255]);
    // 4-bit: 0xF0 0x8- -> 15, 0, 8 ; 15 -> 255, 8 -> 136
    const fourBit = decodeRaw(Uint8Array.from([0xf0, 0x80]), { width: 3, height: 1, bitDepth: 4, colour: "grey", packed: true });
    assert.deepEqual([...fourBit.data], [255, 0, 136]);
  });

  it("rejects truncated data, unsupported depths and absurd sizes", () => {
    const hints = { width: 4, height: 4, bitDepth: 8, colour: "grey" as const, packed: false };
    assert.throws(
      () => decodeRaw(new Uint8Array(15), hints),
      (e: unknown) => e instanceof ImageDecodeError && /needs 16 bytes, got 15/.test(e.message),
    );
    assert.throws(() => decodeRaw(new Uint8Array(32), { ...hints, bitDepth: 16 }), /16 bits per pixel is not supported/);
    assert.throws(() => decodeRaw(new Uint8Array(1), { ...hints, packed: true, bitDepth: 12 }), /bit-packed RAW image with 12 bits/);
    assert.throws(() => decodeRaw(new Uint8Array(1), { ...hints, width: 0 }), /invalid size 0x4/);
    assert.throws(() => decodeRaw(new Uint8Array(1), { ...hints, width: 50000, height: 50000 }), /over the 16777216-pixel limit/);
  });
});
