import assert from "node:assert/strict";
import { describe, it } from "node:test";
import sharp from "sharp";
import { parseIsoRecord } from "../iso/parse-iso-record";
import { readFixture } from "../testing/fixtures";
import { decodeImage, type ImageHints } from "./decode-image";
import { isImageDecodeError } from "./image-decode-error";
import { checkDeclaredCodec } from "./sniff-codec";

const grey = (width: number, height: number): ImageHints => ({ codec: "RAW", width, height, bitDepth: 8, colour: "grey" });

describe("decodeImage", () => {
  it("decodes the WSQ finger sample to 280x448 grey pixels", async () => {
    const rep = parseIsoRecord(readFixture("iso/finger-fir020-wsq-left-index.iso")).representations[0];
    const out = await decodeImage(rep.image, rep);
    assert.equal(out.codec, "WSQ");
    assert.deepEqual([out.width, out.height, out.channels], [280, 448, 1]);
    assert.equal(out.data.length, 280 * 448);
    assert.ok(new Set(out.data).size > 50, "a fingerprint has many grey levels");
  });

  it("decodes JPEG and PNG through sharp", async () => {
    const pixels = Buffer.alloc(32 * 16);
    for (let i = 0; i < pixels.length; i++) pixels[i] = i & 0xff;
    const raw = { raw: { width: 32, height: 16, channels: 1 as const } };
    const png = await sharp(pixels, raw).toColourspace("b-w").png().toBuffer();
    const fromPng = await decodeImage(png, { ...grey(32, 16), codec: "PNG" });
    assert.equal(fromPng.codec, "PNG");
    assert.equal(fromPng.channels, 1);
    assert.ok(Buffer.from(fromPng.data).equals(pixels));
    const jpeg = await sharp(pixels, raw).jpeg().toBuffer();
    const fromJpeg = await decodeImage(jpeg, { ...grey(32, 16), codec: "JPEG" });
    assert.deepEqual([fromJpeg.codec, fromJpeg.width, fromJpeg.height], ["JPEG", 32, 16]);
  });

  it("lets the data's signature override a declaration from the other edition of the standard", async () => {
    const rep = parseIsoRecord(readFixture("iso/iris-iir020-jp2-left.iso")).representations[0];
    const out = await decodeImage(rep.image, { ...rep, codec: "PNG" });
    assert.equal(out.codec, "JPEG2000");
    assert.deepEqual([out.width, out.height], [417, 313]);
  });

  it("trusts a RAW declaration even when pixels look like a JPEG signature", async () => {
    const bytes = Uint8Array.from([0xff, 0xd8, 0xff, 0x00]);
    assert.deepEqual(checkDeclaredCodec(bytes, "RAW"), { ok: true, codec: "RAW" });
    const out = await decodeImage(bytes, grey(2, 2));
    assert.deepEqual([...out.data], [0xff, 0xd8, 0xff, 0x00]);
  });

  it("reports unsupported or broken images as ImageDecodeError", async () => {
    const expectError = async (promise: Promise<unknown>, pattern: RegExp) =>
      assert.rejects(promise, (e: unknown) => isImageDecodeError(e) && pattern.test(e.message));
    await expectError(decodeImage(Uint8Array.from([1, 2, 3]), { ...grey(1, 1), codec: "JPEG_LS" }), /JPEG-LS images are not supported/);
    await expectError(decodeImage(Uint8Array.from([1, 2, 3]), { ...grey(1, 1), codec: "UNKNOWN" }), /unknown format/);
    await expectError(
      decodeImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), { ...grey(1, 1), codec: "JPEG" }),
      /image decode failed/,
    );
    await expectError(
      decodeImage(Uint8Array.from([0xff, 0xa0, 0xff, 0xa8, 0, 2]), { ...grey(1, 1), codec: "WSQ" }),
      /^WSQ decode failed: /,
    );
  });
});
