import assert from "node:assert/strict";
import { test } from "node:test";
import { extractTemplate } from "./extract-template";
import { cbeffFingers, fixtureFinger } from "./testing/real-fingers";

test("MOSIP's sample fingers give a plausible number of minutiae, all inside the image and pointing somewhere", async () => {
  const fingers = [
    await fixtureFinger("finger-fir020-jp2-lossless-left-index.iso"),
    ...(await cbeffFingers("cbeff-10fingers-fir010.xml")).slice(0, 3),
  ];
  for (const f of fingers) {
    const t = extractTemplate(f, { ppi: f.ppi, maxMinutiae: 255 });
    // A rolled or plain 500 ppi finger of this size shows some tens of minutiae (Maltoni et al.: 40-100
    // for a full print); far fewer means the pipeline lost the ridges, far more that it made up noise.
    assert.ok(t.minutiae.length >= 20 && t.minutiae.length <= 140, `${f.label}: ${t.minutiae.length} minutiae`);
    for (const m of t.minutiae) {
      assert.ok(m.x >= 0 && m.x < f.width && m.y >= 0 && m.y < f.height, `${f.label}: minutia at ${m.x},${m.y}`);
      assert.ok(m.angle >= 0 && m.angle < 2 * Math.PI && m.quality >= 1 && m.quality <= 100);
    }
    const endings = t.minutiae.filter((m) => m.type === "ENDING").length;
    assert.ok(endings > 0 && endings < t.minutiae.length, `${f.label}: both minutia types expected`);
  }
});

test("a blank image has no minutiae", () => {
  const t = extractTemplate({ width: 200, height: 200, data: new Uint8Array(200 * 200).fill(230) });
  assert.equal(t.minutiae.length, 0);
});
