import assert from "node:assert/strict";
import { describe, it } from "node:test";
import sharp from "sharp";
import { imageResponse } from "./image-response";

const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: { r: 128, g: 128, b: 128 } } })
  .png()
  .toBuffer();

describe("imageResponse", () => {
  it("serves the image with no-store and its content type once authorised", async () => {
    const steps: string[] = [];
    const res = await imageResponse({
      authorize: async () => void steps.push("authorize"),
      load: async () => {
        steps.push("load");
        return { data: png, mime: "image/png" };
      },
    });
    assert.deepEqual(steps, ["authorize", "load"]);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "no-store");
    assert.equal(res.headers.get("content-type"), "image/png");
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    assert.equal(res.headers.get("content-length"), String(png.length));
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(png));
  });

  it("waits for authorisation before decoding, and refuses with 403 when it rejects", async () => {
    let loaded = false;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const pending = imageResponse({
      authorize: async () => {
        await gate;
        throw new Error("not assigned to this case");
      },
      load: async () => {
        loaded = true;
        return { data: png, mime: "image/png" };
      },
    });
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(loaded, false, "load must not start while authorize is pending");
    release();
    const res = await pending;
    assert.equal(res.status, 403);
    assert.equal(loaded, false);
    assert.equal(res.headers.get("cache-control"), "no-store");
    assert.doesNotMatch(await res.text(), /assigned/, "the reason stays on the server");
  });

  it("treats authorize() resolving false as a refusal", async () => {
    const res = await imageResponse({ authorize: async () => false, load: async () => ({ data: png, mime: "image/png" }) });
    assert.equal(res.status, 403);
  });

  it("answers 404 for a missing image and a generic 500 for a failed decode", async () => {
    const missing = await imageResponse({ authorize: async () => true, load: async () => null });
    assert.equal(missing.status, 404);
    const failed = await imageResponse({
      authorize: async () => true,
      load: async () => {
        throw new Error("WSQ decode failed at offset 12 for applicant 1234");
      },
    });
    assert.equal(failed.status, 500);
    assert.equal(failed.headers.get("cache-control"), "no-store");
    assert.doesNotMatch(await failed.text(), /1234|WSQ/);
  });

  it("refuses to label non-image bytes as an image", async () => {
    const res = await imageResponse({ authorize: async () => true, load: async () => ({ data: png, mime: "text/html" as "image/png" }) });
    assert.equal(res.status, 500);
  });

  it("serves WebP and a view into a larger buffer exactly", async () => {
    const big = Buffer.concat([Buffer.alloc(7, 1), png, Buffer.alloc(5, 2)]);
    const view = big.subarray(7, 7 + png.length);
    const res = await imageResponse({ authorize: async () => true, load: async () => ({ data: view, mime: "image/webp" }) });
    assert.equal(res.headers.get("content-type"), "image/webp");
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(png));
  });
});
