import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decodeWsq, WsqError } from "./decode-wsq";
import { buildLayout } from "./subbands";
import { encodeWsq, fbiTransformTable, forwardTransform } from "./encode-wsq";
import { inverseTransform } from "./wavelet";

const SAMPLE = fileURLToPath(new URL("../../../test/fixtures/mosip/iso/finger-fir020-wsq-left-index.iso", import.meta.url));

interface IsoFinger {
  width: number;
  height: number;
  compression: number;
  ppi: number;
  wsq: Uint8Array;
}

/** Just enough of ISO 19794-4:2011 (FIR 020) to find the image: see mosip-contract.md 5.3. */
function readIsoFinger(iso: Uint8Array): IsoFinger {
  const v = new DataView(iso.buffer, iso.byteOffset, iso.byteLength);
  assert.equal(new TextDecoder().decode(iso.subarray(0, 8)), "FIR\x00020\x00");
  const certified = iso[14] !== 0;
  let p = 16 + 4 + 9 + 1 + 2 + 2; // representation length, capture time, technology, vendor, type
  p += 1 + 5 * iso[p]; // quality blocks
  if (certified) p += 1 + 3 * iso[p];
  p += 3; // finger position, representation number, scale units
  p += 4; // capture sampling rate h/v
  const ppi = v.getUint16(p); // image sampling rate (horizontal), scale units = ppi
  p += 4 + 1; // image sampling rate h/v, bit depth
  const compression = iso[p];
  p += 2; // compression, impression type
  const width = v.getUint16(p);
  const height = v.getUint16(p + 2);
  const length = v.getUint32(p + 4);
  p += 8;
  // The WSQ stream must begin exactly where the header says, with its SOI marker.
  const soi = iso.findIndex((b, i) => i >= 16 && b === 0xff && iso[i + 1] === 0xa0);
  assert.equal(soi, p, "SOI marker is where the ISO header puts the image");
  return { width, height, compression, ppi, wsq: iso.subarray(p, p + length) };
}

/** Walks marker segments to the frame header, independently of the decoder. */
function sofSize(wsq: Uint8Array): { width: number; height: number; sofOffset: number } {
  let p = 2;
  while (p + 4 <= wsq.length) {
    assert.equal(wsq[p], 0xff);
    const len = (wsq[p + 2] << 8) | wsq[p + 3];
    if (wsq[p + 1] === 0xa2) {
      return { height: (wsq[p + 6] << 8) | wsq[p + 7], width: (wsq[p + 8] << 8) | wsq[p + 9], sofOffset: p };
    }
    p += 2 + len;
  }
  throw new Error("no SOF");
}

function markerOffsets(wsq: Uint8Array, code: number): number[] {
  const found: number[] = [];
  for (let i = 0; i + 1 < wsq.length; i++) if (wsq[i] === 0xff && wsq[i + 1] === code) found.push(i);
  return found;
}

function meanAbsHorizontalDiff(px: ArrayLike<number>, w: number, x0: number, y0: number, cw: number, ch: number): number {
  let total = 0;
  for (let y = y0; y < y0 + ch; y++) for (let x = x0 + 1; x < x0 + cw; x++) total += Math.abs(px[y * w + x] - px[y * w + x - 1]);
  return total / (ch * (cw - 1));
}

function boxBlur(px: Uint8Array, w: number, h: number, r: number): Float64Array {
  const out = new Float64Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      let n = 0;
      for (let dy = -r; dy <= r; dy++) {
        for (let dx = -r; dx <= r; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
            s += px[yy * w + xx];
            n++;
          }
        }
      }
      out[y * w + x] = s / n;
    }
  }
  return out;
}

/** Normalised horizontal autocorrelation of a window for lags 1..maxLag (index = lag). */
function autocorrelation(px: Uint8Array, w: number, x0: number, y0: number, size: number, maxLag: number): number[] {
  let mean = 0;
  for (let y = y0; y < y0 + size; y++) for (let x = x0; x < x0 + size; x++) mean += px[y * w + x];
  mean /= size * size;
  const r = [1];
  for (let lag = 1; lag <= maxLag; lag++) {
    let c = 0;
    let c0 = 0;
    for (let y = y0; y < y0 + size; y++) {
      for (let x = x0; x < x0 + size - lag; x++) {
        c += (px[y * w + x] - mean) * (px[y * w + x + lag] - mean);
        c0 += (px[y * w + x] - mean) ** 2;
      }
    }
    r.push(c / c0);
  }
  return r;
}

/**
 * 14x14 block means of the same finger from the MOSIP mock-MDS JPEG 2000 *lossless* sample
 * (finger-fir020-jp2-lossless-left-index.iso, decoded with OpenJPEG), 20 x 32 blocks. It is the
 * same capture as the WSQ sample, so it is an independent reference for the decoded image.
 */
const LOSSLESS_BLOCK_MEANS_14 =
  "///q//////be6+z8//3//////////P7/+ODBmZmMoqvN9P////////3+//fRmY2HgYafhX2I5v////7//f7/z5iSfnp+gYB+" +
  "iXuw7f7/9/////mpdnR9dW+Lio6Xlp2o7/v9////3ZdocnuCem5vgICEh5678vn7/f+6eHNkc3eLeISVjnuGkJzd7Pz/+ol6" +
  "bWxtbG12cHWQjn+Jlrzt+v+/fW1laX1rZHN5dHh2gnyLj+H8/5ZzYGtoZIFpcHCIj5N2gIOOzf3+iG93ZW5obGZmfoaSgYJ2" +
  "e4mw/uWHZGpnZFZZWWFneH6Fd3F9hJz7339zZ2tdY05MXHFrfXh0eXKJlOzggldmYl9UVlJgYmxsbGp4c4qU1750ZGxlYVlT" +
  "VF9waGRtaW18eI7IsXFhXGdeWVdGWGFva2NleXRzh62yY2hPdFtlVltQY1xsW2l/dnF0rKtvZWJaX19YWlJUXVxkcGp0bIeY" +
  "zXhYbmRbYUtVWVplYWtuWW9tdJi2gFNqWmZnWlNWYmZfYVtjb2uFpuR3Um5la2JfWV9lXmtzbGJkdIOe5HlhYmZpYVhYa1ln" +
  "XXVuZ3ZugJn/j2RkaG1nal1lWl5yeW13eIaLr/7Hc2dlaGZnbWxhcG5teXiAkpG2/d6OgGhlcWJyXGaFan98fpK4m77z93dv" +
  "W21nWmBuZXiMhnZ9na6cy/z9mm1wZ2NpZG+Jh3SMjXqJm6fp/vvBfWlhbHNdZXV5e4GNkoeOoOb+/NueeHRqZGp1h4SAko12" +
  "h4um9/379qORe2BoYWp5iaCipqOjvtf//P/+2a6Ud15ZdYSFm5OYpbDI6v38/v/2zruXlXeEh4aQhJGfpNX+/w==";

const iso = new Uint8Array(readFileSync(SAMPLE));
const finger = readIsoFinger(iso);

test("the MOSIP ISO sample holds a WSQ image whose SOF agrees with the ISO header", () => {
  assert.equal(finger.compression, 2, "ISO compression 2 = WSQ");
  const sof = sofSize(finger.wsq);
  assert.deepEqual([sof.width, sof.height], [finger.width, finger.height]);
  assert.deepEqual([finger.width, finger.height], [280, 448]);
});

test("decodes the MOSIP WSQ fingerprint to a full-range grey image", () => {
  const img = decodeWsq(finger.wsq);
  const sof = sofSize(finger.wsq);
  assert.equal(img.width, sof.width);
  assert.equal(img.height, sof.height);
  assert.equal(img.width, finger.width);
  assert.equal(img.height, finger.height);
  assert.equal(img.pixels.length, img.width * img.height);
  assert.equal(img.ppi, 500, "PPI from the NIST_COM comment");
  assert.equal(img.ppi, finger.ppi, "agrees with the ISO image sampling rate");

  const distinct = new Set(img.pixels).size;
  let sum = 0;
  let sq = 0;
  for (const p of img.pixels) {
    sum += p;
    sq += p * p;
  }
  const mean = sum / img.pixels.length;
  const sd = Math.sqrt(sq / img.pixels.length - mean * mean);
  // Observed: 256 grey levels, mean 144.3, standard deviation 79.3.
  assert.ok(distinct >= 200, `distinct grey levels: ${distinct}`);
  assert.ok(sd > 50, `standard deviation ${sd.toFixed(1)}`);
});

test("the decoded image has fingerprint ridge structure", () => {
  const { width: w, height: h, pixels } = decodeWsq(finger.wsq);
  // Ridges alternate dark/light every few pixels: strong neighbour contrast that a smooth image
  // lacks. A 9x9 box blur (about one ridge period) makes that smooth image.
  // Observed: 26.9 for the decoded image, 3.3 after the blur.
  const sharp = meanAbsHorizontalDiff(pixels, w, 0, 0, w, h);
  const blurred = meanAbsHorizontalDiff(boxBlur(pixels, w, h, 4), w, 0, 0, w, h);
  assert.ok(sharp > 15, `mean |horizontal difference| ${sharp.toFixed(1)}`);
  assert.ok(sharp > 4 * blurred, `image ${sharp.toFixed(1)} vs blurred ${blurred.toFixed(1)}`);

  // The print fills the middle; the top corners are paper. Observed: 42.8 vs under 0.5.
  const centre = meanAbsHorizontalDiff(pixels, w, 90, 174, 100, 100);
  const corner = Math.max(meanAbsHorizontalDiff(pixels, w, 0, 0, 24, 24), meanAbsHorizontalDiff(pixels, w, w - 24, 0, 24, 24));
  assert.ok(centre > 25 && centre > 20 * corner, `centre ${centre.toFixed(1)} vs corner ${corner.toFixed(2)}`);

  // Where ridges run roughly vertically (lower left), brightness is periodic with the ridge
  // spacing of a 500 ppi print (~0.5 mm = 8-14 px): anti-correlated at half a period, correlated
  // again at a full one. Observed: minimum -0.34 at lag 5, maximum 0.29 at lag 12.
  const r = autocorrelation(pixels, w, 60, 300, 48, 20);
  const trough = Math.min(...r.slice(3, 8));
  const peak = Math.max(...r.slice(8, 16));
  assert.ok(trough < -0.2, `autocorrelation trough ${trough.toFixed(2)}`);
  assert.ok(peak > 0.15, `autocorrelation peak ${peak.toFixed(2)}`);
});

test("the decoded image matches a lossless capture of the same finger at low resolution", () => {
  const { width: w, pixels } = decodeWsq(finger.wsq);
  const ref = Buffer.from(LOSSLESS_BLOCK_MEANS_14, "base64");
  const bw = 20;
  const bh = 32;
  assert.equal(ref.length, bw * bh);
  let se = 0;
  let worst = 0;
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let s = 0;
      for (let y = 0; y < 14; y++) for (let x = 0; x < 14; x++) s += pixels[(by * 14 + y) * w + bx * 14 + x];
      const d = s / 196 - ref[by * bw + bx];
      se += d * d;
      worst = Math.max(worst, Math.abs(d));
    }
  }
  const psnr = 10 * Math.log10((255 * 255) / (se / (bw * bh)));
  // WSQ at 0.75 bpp drops fine texture, so only the coarse picture is compared. Observed: 37.7 dB,
  // worst block 11.3 grey levels; a decoder with the subband inversions or signs wrong scores
  // below 31 dB here.
  assert.ok(psnr > 34, `block-mean PSNR ${psnr.toFixed(2)} dB`);
  assert.ok(worst < 20, `worst block differs by ${worst.toFixed(1)}`);
});

test("decoding time grows with the pixels, not faster (no wall-clock budget: the machine may be busy)", (t) => {
  const small = encodeWsq(syntheticPrint(250, 250), 250, 250, { q: 4 });
  const large = encodeWsq(syntheticPrint(500, 500), 500, 500, { q: 4 });
  decodeWsq(small); // warm-up: JIT compilation is not what this measures
  decodeWsq(large);
  // CPU time, not wall time: on an oversubscribed machine a longer decode is preempted more often, so wall time
  // grows faster than the work (measured at load average 20 on 2 cores: 18.9x). Interleaved runs, fastest of each.
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let smallMs = Number.POSITIVE_INFINITY;
  let largeMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 7; i++) {
    let at = cpuMs();
    decodeWsq(small);
    smallMs = Math.min(smallMs, cpuMs() - at);
    at = cpuMs();
    decodeWsq(large);
    largeMs = Math.min(largeMs, cpuMs() - at);
  }
  t.diagnostic(
    `250x250: ${smallMs.toFixed(1)} ms, 500x500: ${largeMs.toFixed(1)} ms of CPU per decode (speed itself: npm run bench:decode)`,
  );
  // 4x the pixels: about 4x the time for a linear decoder; a quadratic step (e.g. a per-symbol search) is 16x.
  assert.ok(largeMs / smallMs < 9, `4x the pixels took ${(largeMs / smallMs).toFixed(1)}x the time`);
});

/** Concentric ridges with a ~10 px period, brighter towards the edges, like a plain whorl. */
function syntheticPrint(w: number, h: number): Uint8Array {
  const px = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const r = Math.hypot(x - w * 0.45, (y - h * 0.5) * 0.8);
      const v = 140 + 80 * Math.sin(r / 1.6) * Math.exp(-((r / (0.6 * Math.max(w, h))) ** 2)) + (20 * x) / w;
      px[y * w + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return px;
}

test("inverse transform exactly undoes the forward decomposition for any size", () => {
  const t = fbiTransformTable();
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed / 2 ** 32) * 255 - 128;
  };
  for (const [w, h] of [
    [1, 1],
    [1, 9],
    [2, 3],
    [7, 5],
    [33, 17],
    [64, 64],
    [97, 61],
    [280, 448],
  ]) {
    const original = Float64Array.from({ length: w * h }, random);
    const plane = Float32Array.from(original);
    const layout = buildLayout(w, h);
    forwardTransform(plane, w, layout, t);
    inverseTransform(plane, w, h, layout, t);
    let worst = 0;
    for (let i = 0; i < plane.length; i++) worst = Math.max(worst, Math.abs(plane[i] - original[i]));
    assert.ok(worst < 0.01, `${w}x${h}: worst reconstruction error ${worst}`);
  }
});

test("the subband layout tiles the image with 64 disjoint subbands", () => {
  for (const [w, h] of [
    [280, 448],
    [545, 622],
    [31, 33],
  ]) {
    const { subbands } = buildLayout(w, h);
    assert.equal(subbands.length, 64);
    const cover = new Uint8Array(w * h);
    for (const b of subbands) for (let y = b.y; y < b.y + b.h; y++) for (let x = b.x; x < b.x + b.w; x++) cover[y * w + x]++;
    assert.ok(
      cover.every((c) => c === 1),
      `${w}x${h}: every pixel in exactly one subband`,
    );
  }
});

test("round-trips encoder streams with restart markers, a DRT segment and two tables in one DHT", () => {
  for (const [w, h, restartEvery] of [
    [97, 61, 0],
    [97, 61, 7],
    [33, 17, 1],
    [5, 7, 0],
    [1, 1, 0],
  ]) {
    const px = syntheticPrint(w, h);
    const wsq = encodeWsq(px, w, h, { q: 0.3, restartEvery, ppi: 1000 });
    assert.equal(markerOffsets(wsq, 0xb0).length > 0, restartEvery > 0 && w * h > 100, "restart markers present as intended");
    const img = decodeWsq(wsq);
    assert.deepEqual([img.width, img.height, img.ppi], [w, h, 1000]);
    let worst = 0;
    let total = 0;
    for (let i = 0; i < px.length; i++) {
      const d = Math.abs(img.pixels[i] - px[i]);
      worst = Math.max(worst, d);
      total += d;
    }
    // Fine quantisation, so nearly lossless. On tiny images the finest diagonal subbands (which
    // WSQ never transmits) hold real detail: observed worst error 4 at 33x17, 1 at 5x7 and 97x61.
    assert.ok(worst <= (w * h < 1000 ? 4 : 1), `${w}x${h} restart ${restartEvery}: worst pixel error ${worst}`);
    assert.ok(total / px.length < 0.2, `${w}x${h}: mean error ${total / px.length}`);
  }
});

test("ppi is null when the NIST comment says -1", () => {
  const img = decodeWsq(encodeWsq(syntheticPrint(40, 40), 40, 40));
  assert.equal(img.ppi, null);
});

test("truncated input throws WsqError wherever it is cut", () => {
  const wsq = finger.wsq;
  const firstSob = markerOffsets(wsq, 0xa3)[0];
  const cuts = [
    0,
    1,
    2,
    3,
    5,
    0x60,
    sofSize(wsq).sofOffset + 6,
    firstSob + 4,
    firstSob + 7,
    firstSob + 500,
    wsq.length >> 1,
    wsq.length - 3,
    wsq.length - 2,
    wsq.length - 1,
  ];
  for (const cut of cuts) {
    assert.throws(
      () => decodeWsq(wsq.subarray(0, cut)),
      (e: unknown) => e instanceof WsqError && /truncated|missing SOI|EOI|marker/.test(e.message),
      `cut at ${cut}`,
    );
  }
  // A cut inside the entropy-coded data says so.
  assert.throws(() => decodeWsq(wsq.subarray(0, firstSob + 500)), /truncated data: entropy-coded data of block 1/);
});

test("corrupt markers throw WsqError naming the marker and offset", () => {
  const mutate = (at: number, value: number) => {
    const copy = finger.wsq.slice();
    copy[at] = value;
    return copy;
  };
  const sofAt = sofSize(finger.wsq).sofOffset;
  const sobAt = markerOffsets(finger.wsq, 0xa3)[0];
  assert.throws(
    () => decodeWsq(mutate(1, 0xd8)),
    (e: unknown) => e instanceof WsqError && /missing SOI/.test(e.message),
  );
  assert.throws(
    () => decodeWsq(mutate(sofAt + 1, 0xaf)),
    (e: unknown) => e instanceof WsqError && e.message === `unknown marker 0xFFAF (offset ${sofAt})`,
  );
  assert.throws(
    () => decodeWsq(mutate(sobAt, 0x12)),
    (e: unknown) => e instanceof WsqError && /expected a marker, found bytes 0x12a3/.test(e.message) && e.offset === sobAt,
  );
  // A marker in the middle of Huffman data (instead of a stuffed 0xFF00 or data byte).
  const inData = finger.wsq.slice();
  inData[sobAt + 40] = 0xff;
  inData[sobAt + 41] = 0xa2;
  assert.throws(
    () => decodeWsq(inData),
    (e: unknown) => e instanceof WsqError && /unexpected marker SOF \(0xFFA2\) inside entropy-coded data of block 1/.test(e.message),
  );
  // A block referring to a Huffman table that was never defined.
  assert.throws(() => decodeWsq(mutate(sobAt + 4, 5)), /SOB \(0xFFA3\) block 1 uses undefined Huffman table 5/);
  // A segment length running past the end of the data.
  const dhtAt = markerOffsets(finger.wsq, 0xa6)[0];
  assert.throws(() => decodeWsq(mutate(dhtAt + 2, 0xff)), /DHT \(0xFFA6\) segment declares/);
});

test("random corruption never escapes as anything but WsqError", () => {
  let seed = 99;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed % n;
  };
  let failures = 0;
  for (let i = 0; i < 300; i++) {
    const copy = finger.wsq.slice();
    const flips = 1 + random(4);
    for (let k = 0; k < flips; k++) copy[random(copy.length)] = random(256);
    try {
      const img = decodeWsq(copy);
      assert.equal(img.pixels.length, img.width * img.height);
    } catch (e) {
      assert.ok(e instanceof WsqError, `iteration ${i}: ${String(e)}`);
      failures++;
    }
  }
  assert.ok(failures > 0);
});
