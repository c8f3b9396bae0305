import assert from "node:assert/strict";
import { describe, it } from "node:test";
import sharp from "sharp";
import type { Raster } from "./raster";
import { renderImage, THUMB_MAX_SIDE } from "./render-image";

function gradient(width: number, height: number, channels: 1 | 3): Raster {
  const data = new Uint8Array(width * height * channels);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 9)) & 0xff;
  return { width, height, channels, data };
}

describe("renderImage", () => {
  it("writes grey input as a single-channel grey PNG that round-trips exactly", async () => {
    const raster = gradient(300, 500, 1);
    const out = await renderImage(raster, { size: "full", format: "png" });
    assert.equal(out.mime, "image/png");
    assert.equal(out.width, 300);
    assert.equal(out.height, 500);
    const meta = await sharp(out.data).metadata();
    assert.equal(meta.format, "png");
    assert.equal(meta.channels, 1);
    assert.equal(meta.space, "b-w");
    const back = await sharp(out.data).toColourspace("b-w").raw().toBuffer();
    assert.ok(back.equals(Buffer.from(raster.data)));
  });

  it("keeps RGB as three channels", async () => {
    const out = await renderImage(gradient(40, 30, 3), { size: "full", format: "png" });
    assert.equal((await sharp(out.data).metadata()).channels, 3);
  });

  it("makes WebP thumbnails that fit 256 px on the long side and keep the aspect ratio", async () => {
    assert.equal(THUMB_MAX_SIDE, 256);
    const out = await renderImage(gradient(280, 448, 1), { size: "thumb", format: "webp" });
    assert.equal(out.mime, "image/webp");
    assert.deepEqual([out.width, out.height], [160, 256]);
    const meta = await sharp(out.data).metadata();
    assert.equal(meta.format, "webp");
    assert.deepEqual([meta.width, meta.height], [160, 256]);
    const wide = await renderImage(gradient(600, 400, 3), { size: "thumb", format: "webp" });
    assert.deepEqual([wide.width, wide.height], [256, 171]);
  });

  it("never enlarges small images for thumbnails", async () => {
    const out = await renderImage(gradient(98, 168, 1), { size: "thumb", format: "png" });
    assert.deepEqual([out.width, out.height], [98, 168]);
  });

  it("full WebP keeps the original size", async () => {
    const out = await renderImage(gradient(417, 313, 1), { size: "full", format: "webp" });
    assert.deepEqual([out.width, out.height], [417, 313]);
    assert.equal((await sharp(out.data).metadata()).format, "webp");
  });
});
