import assert from "node:assert/strict";
import { describe, it } from "node:test";
import sharp from "sharp";
import type { GreyRaster } from "./grey-raster";
import { faceSvgFor, fingerRaster, irisRaster, renderFacePng, type BiometricSubject } from "./synthetic-images";

/** Pearson correlation of two equally sized rasters, optionally inside a window. */
function correlation(a: GreyRaster, b: GreyRaster, win = { x0: 0, y0: 0, x1: a.width, y1: a.height }): number {
  const idx: number[] = [];
  for (let y = win.y0; y < win.y1; y++) for (let x = win.x0; x < win.x1; x++) idx.push(y * a.width + x);
  let sa = 0;
  let sb = 0;
  for (const i of idx) {
    sa += a.data[i];
    sb += b.data[i];
  }
  const ma = sa / idx.length;
  const mb = sb / idx.length;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (const i of idx) {
    const x = a.data[i] - ma;
    const y = b.data[i] - mb;
    cov += x * y;
    va += x * x;
    vb += y * y;
  }
  return cov / Math.sqrt(va * vb);
}

/** The inked middle of a fingerprint, where only the ridges vary. */
const FINGER_CORE = { x0: 90, y0: 120, x1: 210, y1: 300 };

const person: BiometricSubject = { personSeed: 101, captureSeed: 1, female: false, variation: 0 };
const sameAgain: BiometricSubject = { ...person, captureSeed: 2 };
const someoneElse: BiometricSubject = { personSeed: 202, captureSeed: 1, female: false, variation: 0 };

describe("synthetic biometric images", () => {
  it("draws a fingerprint: light background, dark ridges inside, 300x400", () => {
    const f = fingerRaster(person, "RIGHT_INDEX");
    assert.deepEqual([f.width, f.height, f.data.length], [300, 400, 120_000]);
    const corner = f.data[5 * 300 + 5];
    assert.ok(corner > 220, `background ${corner}`);
    // Along a horizontal line through the centre, ridges alternate: many dark/light transitions.
    let transitions = 0;
    const row = 200 * 300;
    for (let x = 80; x < 220; x++) if (f.data[row + x] < 128 !== f.data[row + x + 1] < 128) transitions++;
    assert.ok(transitions >= 16, `only ${transitions} ridge edges across the centre`);
  });

  it("makes the same finger of the same person look alike and other people's fingers not", () => {
    const a = fingerRaster(person, "LEFT_THUMB");
    const b = fingerRaster(sameAgain, "LEFT_THUMB");
    const other = fingerRaster(someoneElse, "LEFT_THUMB");
    const otherFinger = fingerRaster(person, "LEFT_INDEX");
    const same = correlation(a, b, FINGER_CORE);
    assert.ok(same > 0.5, `same finger ${same}`);
    assert.ok(Math.abs(correlation(a, other, FINGER_CORE)) < 0.2, `other person ${correlation(a, other, FINGER_CORE)}`);
    assert.ok(Math.abs(correlation(a, otherFinger, FINGER_CORE)) < 0.2, `other finger ${correlation(a, otherFinger, FINGER_CORE)}`);
  });

  it("makes the same iris of the same person look alike, and differs between eyes and people", () => {
    const a = irisRaster(person, "LEFT");
    assert.deepEqual([a.width, a.height], [640, 480]);
    const b = irisRaster(sameAgain, "LEFT");
    const right = irisRaster(person, "RIGHT");
    const other = irisRaster(someoneElse, "LEFT");
    // Pupil and sclera are laid out alike in every image, so only the ordering is asserted.
    const same = correlation(a, b);
    assert.ok(same > correlation(a, right) && same > correlation(a, other), `same ${same}`);
  });

  it("renders an 8-bit RGB 480x640 face, identical in layout for a duplicate", async () => {
    const png = await renderFacePng(person);
    const meta = await sharp(png).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height, meta.channels, meta.depth], ["png", 480, 640, 3, "uchar"]);
    assert.equal(faceSvgFor(person), faceSvgFor({ ...sameAgain, captureSeed: 1 }));
    assert.doesNotMatch(faceSvgFor(person), /<text/);
  });
});
