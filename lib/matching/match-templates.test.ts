import assert from "node:assert/strict";
import { test } from "node:test";
import { extractTemplate } from "./extract-template";
import { matchTemplates } from "./match-templates";
import { cbeffFingers, fixtureFinger, viaWsq } from "./testing/real-fingers";
import { warpImage, warpPoint } from "./testing/warp-image";

const lossless = fixtureFinger("finger-fir020-jp2-lossless-left-index.iso");
// Extracted once for the file: extraction is the slow part of these tests.
const losslessTemplate = lossless.then((f) => extractTemplate(f));

test("the same capture through WSQ matches far above any other real finger", async () => {
  const finger = await lossless;
  const a = await losslessTemplate;
  const same = matchTemplates(a, extractTemplate(await viaWsq(finger)));
  const others = (await cbeffFingers("cbeff-10fingers-fir010.xml")).slice(4, 9);
  const impostor = Math.max(...others.map((o) => matchTemplates(a, extractTemplate(o)).score));
  assert.ok(same.score >= 50, `same capture scored ${same.score}`);
  assert.ok(impostor <= 15, `a different finger scored ${impostor}`);
  assert.ok(same.pairs.length >= 40, `${same.pairs.length} paired minutiae`);
});

test("rotating and shifting the print does not stop the match, and the pairs follow the motion", async () => {
  const finger = await lossless;
  const angle = (20 * Math.PI) / 180;
  const [dx, dy] = [18, -14];
  const moved = warpImage(finger, angle, dx, dy);
  const a = await losslessTemplate;
  const b = extractTemplate(moved);
  const m = matchTemplates(a, b);
  assert.ok(m.score >= 25, `score ${m.score}`);
  assert.ok(Math.abs(m.rotation - angle) < (4 * Math.PI) / 180, `rotation found ${((m.rotation * 180) / Math.PI).toFixed(1)} degrees`);
  let consistent = 0;
  for (const [i, j] of m.pairs) {
    const [x, y] = warpPoint(finger, angle, dx, dy, a.minutiae[i].x, a.minutiae[i].y);
    if (Math.hypot(x - b.minutiae[j].x, y - b.minutiae[j].y) <= 10) consistent++;
  }
  // Pairing tolerates 12-16 px for skin stretch, so a few neighbours pair wrongly; most must be right.
  assert.ok(consistent >= 0.8 * m.pairs.length && consistent >= 20, `${consistent} of ${m.pairs.length} pairs where the motion puts them`);
});

test("templates too small to compare score zero", () => {
  const tiny = { width: 100, height: 100, ppi: 500, minutiae: [{ x: 10, y: 10, angle: 0, type: "ENDING" as const, quality: 50 }] };
  assert.equal(matchTemplates(tiny, tiny).score, 0);
});
