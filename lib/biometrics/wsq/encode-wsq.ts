/**
 * A minimal WSQ encoder (FBI 9/7 wavelet, uniform quantisation, simple Huffman tables), not tuned for
 * compression or image quality. Two users:
 * - the MOSIP simulator (lib/simulator/subject-cbeff.ts) writes its synthetic fingerprints as WSQ with it
 *   when asked to (finger codec WSQ; PNG is the default), so requests like MOSIP's go through the real
 *   WSQ decoding path;
 * - decode-wsq.test.ts produces streams with features the real MOSIP sample lacks (restart markers, a DRT
 *   segment, several Huffman tables in one DHT segment, escapes, odd image sizes).
 * It shares the decoder's subband layout, so it checks the decoder's internal consistency only; conformance
 * to the specification is checked against the real NIST-encoded sample instead.
 */
import { ByteReader } from "./byte-reader";
import { COM, DHT, DQT, DRT, DTT, EOI, RST_FIRST, SOB, SOF, SOI } from "./markers";
import { BLOCK_SUBBANDS, buildLayout, type Layout } from "./subbands";
import { parseTransformTable, type TransformTable } from "./tables";

/** The FBI 9/7 analysis filters (centre tap first), as published with the WSQ specification. */
const LOWPASS = [0.852698679009, 0.377402855613, -0.110624404418, -0.02384946502, 0.037828455507];
const HIGHPASS = [0.788485616406, -0.418092273222, -0.040689417609, 0.064538882629];

/** push(...src) would overflow the argument limit for large entropy-coded blocks. */
function append(dst: number[], src: readonly number[]): void {
  for (const b of src) dst.push(b);
}

class Writer {
  readonly bytes: number[] = [];
  u8(v: number): void {
    this.bytes.push(v & 0xff);
  }
  u16(v: number): void {
    this.u8(v >> 8);
    this.u8(v);
  }
  u32(v: number): void {
    this.u16(Math.floor(v / 0x10000));
    this.u16(v % 0x10000);
  }
  /** Decimal-exponent real as WSQ stores it: exponent byte, then the integer part. */
  scaled(value: number, bytes: 2 | 4): void {
    const max = bytes === 2 ? 0xffff : 0xffffffff;
    let exponent = 0;
    while (exponent < 12 && Math.round(Math.abs(value) * 10 ** (exponent + 1)) <= max) exponent++;
    this.u8(exponent);
    const raw = Math.round(Math.abs(value) * 10 ** exponent);
    if (bytes === 2) this.u16(raw);
    else this.u32(raw);
  }
  segment(marker: number, body: Writer): void {
    this.u8(0xff);
    this.u8(marker);
    this.u16(body.bytes.length + 2);
    append(this.bytes, body.bytes);
  }
}

function reflect(p: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * (n - 1);
  let q = p % period;
  if (q < 0) q += period;
  return q < n ? q : period - q;
}

function analyzeLine(x: Float64Array, n: number, inverted: boolean, t: TransformTable, out: Float64Array): void {
  const lowLen = (n + 1) >> 1;
  const highLen = n >> 1;
  const lowOff = inverted ? highLen : 0;
  const highOff = inverted ? 0 : lowLen;
  const h0 = t.lowpass;
  const h1 = t.highpass;
  for (let i = 0; i < lowLen; i++) {
    let s = 0;
    for (let k = 1 - h0.length; k < h0.length; k++) s += h0[Math.abs(k)] * x[reflect(2 * i + k, n)];
    out[lowOff + i] = s;
  }
  for (let i = 0; i < highLen; i++) {
    let s = 0;
    for (let k = 1 - h1.length; k < h1.length; k++) s += h1[Math.abs(k)] * x[reflect(2 * i + 1 + k, n)];
    out[highOff + i] = s;
  }
}

/** Forward WSQ decomposition in place (rows then columns for every split, parent first). */
export function forwardTransform(plane: Float64Array | Float32Array, width: number, layout: Layout, t: TransformTable): void {
  const longest = Math.max(width, plane.length / width);
  const a = new Float64Array(longest);
  const b = new Float64Array(longest);
  for (const { rect, invX, invY } of layout.splits) {
    const { x, y, w, h } = rect;
    if (w === 0 || h === 0) continue;
    for (let r = y; r < y + h; r++) {
      for (let i = 0; i < w; i++) a[i] = plane[r * width + x + i];
      analyzeLine(a, w, invX, t, b);
      for (let i = 0; i < w; i++) plane[r * width + x + i] = b[i];
    }
    for (let c = x; c < x + w; c++) {
      for (let i = 0; i < h; i++) a[i] = plane[(y + i) * width + c];
      analyzeLine(a, h, invY, t, b);
      for (let i = 0; i < h; i++) plane[(y + i) * width + c] = b[i];
    }
  }
}

function dttBody(): Writer {
  const w = new Writer();
  w.u8(LOWPASS.length * 2 - 1);
  w.u8(HIGHPASS.length * 2 - 1);
  for (const tap of [...LOWPASS, ...HIGHPASS]) {
    w.u8(tap < 0 ? 1 : 0);
    w.scaled(tap, 4);
  }
  return w;
}

/** The filters exactly as a decoder reads them back from our DTT bytes. */
export function fbiTransformTable(): TransformTable {
  const body = dttBody();
  return parseTransformTable(new ByteReader(Uint8Array.from(body.bytes)));
}

interface Code {
  code: number;
  length: number;
}

/** Canonical codes for symbols listed in code-length order, plus the DHT counts/values. */
function canonical(groups: readonly (readonly [number, readonly number[]])[]): {
  codes: Map<number, Code>;
  counts: number[];
  values: number[];
} {
  const counts = new Array<number>(16).fill(0);
  const values: number[] = [];
  for (const [length, symbols] of groups) {
    counts[length - 1] += symbols.length;
    values.push(...symbols);
  }
  const codes = new Map<number, Code>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < counts[length - 1]; i++) codes.set(values[k++], { code: code++, length });
    code <<= 1;
  }
  return { codes, counts, values };
}

const ALL_SYMBOLS = Array.from({ length: 254 }, (_, i) => i + 1);
/** Table 0: every symbol 8 bits. Table 1: a few short codes, the rest 10 bits (never all ones). */
const COMMON = [1, 179, 181, 2, 178, 182];
const TABLES = [
  canonical([[8, ALL_SYMBOLS]]),
  canonical([
    [3, COMMON],
    [10, ALL_SYMBOLS.filter((s) => !COMMON.includes(s))],
  ]),
];

class BitWriter {
  readonly out: number[] = [];
  private acc = 0;
  private n = 0;
  bits(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.n === 8) this.emit();
    }
  }
  private emit(): void {
    this.out.push(this.acc);
    if (this.acc === 0xff) this.out.push(0x00);
    this.acc = 0;
    this.n = 0;
  }
  /** Pads with 1-bits to the byte boundary, as the spec requires before a marker. */
  pad(): void {
    while (this.n !== 0) this.bits(1, 1);
  }
}

export interface EncodeOptions {
  /** Uniform bin width for subbands 0..59 (in units of the normalised image). */
  q?: number;
  /** Insert a restart marker after this many Huffman symbols (0 = none). */
  restartEvery?: number;
  ppi?: number;
}

/** Encodes 8-bit grey pixels to WSQ. */
export function encodeWsq(pixels: Uint8Array, width: number, height: number, options: EncodeOptions = {}): Uint8Array {
  const q = options.q ?? 1;
  const restartEvery = options.restartEvery ?? 0;
  const layout = buildLayout(width, height);
  const transform = fbiTransformTable();

  let sum = 0;
  let lo = 255;
  let hi = 0;
  for (const p of pixels) {
    sum += p;
    lo = Math.min(lo, p);
    hi = Math.max(hi, p);
  }
  const shift = Math.round((sum / pixels.length) * 100) / 100;
  const scale = Math.max(1, Math.round((Math.max(shift - lo, hi - shift) / 128) * 1e4) / 1e4);
  const plane = new Float64Array(width * height);
  for (let i = 0; i < plane.length; i++) plane[i] = (pixels[i] - shift) / scale;
  forwardTransform(plane, width, layout, transform);

  const binCenter = 0.44;
  const zeroBin = 1.2 * q;
  const out = new Writer();
  out.u8(0xff);
  out.u8(SOI);
  const com = new Writer();
  for (const c of `NIST_COM 2\nPPI ${options.ppi ?? -1}\n`) com.u8(c.charCodeAt(0));
  out.segment(COM, com);
  out.segment(DTT, dttBody());
  const dqt = new Writer();
  dqt.scaled(binCenter, 2);
  for (let band = 0; band < 64; band++) {
    dqt.scaled(band < 60 ? q : 0, 2);
    dqt.scaled(band < 60 ? zeroBin : 0, 2);
  }
  out.segment(DQT, dqt);
  const dht = new Writer();
  TABLES.forEach((t, id) => {
    dht.u8(id);
    for (const c of t.counts) dht.u8(c);
    for (const v of t.values) dht.u8(v);
  });
  out.segment(DHT, dht);
  if (restartEvery > 0) {
    const drt = new Writer();
    drt.u16(restartEvery);
    out.segment(DRT, drt);
  }
  const sof = new Writer();
  sof.u8(0);
  sof.u8(255);
  sof.u16(height);
  sof.u16(width);
  sof.scaled(shift, 2);
  sof.scaled(scale, 2);
  sof.u8(2);
  sof.u16(1);
  out.segment(SOF, sof);

  let restarts = 0;
  BLOCK_SUBBANDS.forEach(([first, end], blockNo) => {
    const tableId = blockNo === 0 ? 0 : 1;
    const codes = TABLES[tableId].codes;
    const sob = new Writer();
    sob.u8(tableId);
    out.segment(SOB, sob);
    const indices: number[] = [];
    for (let band = first; band < end; band++) {
      const { x, y, w, h } = layout.subbands[band];
      for (let r = y; r < y + h; r++) {
        for (let c = x; c < x + w; c++) {
          const a = plane[r * width + c];
          const m = Math.abs(a);
          indices.push(m <= zeroBin / 2 ? 0 : Math.sign(a) * (Math.floor((m - zeroBin / 2) / q) + 1));
        }
      }
    }
    const bits = new BitWriter();
    let symbolsSinceRestart = 0;
    const symbol = (s: number, extra?: [number, number]) => {
      if (restartEvery > 0 && symbolsSinceRestart === restartEvery) {
        bits.pad();
        bits.out.push(0xff, RST_FIRST + (restarts++ & 7));
        symbolsSinceRestart = 0;
      }
      const c = codes.get(s);
      if (!c) throw new Error(`no code for symbol ${s}`);
      bits.bits(c.code, c.length);
      if (extra) bits.bits(extra[0], extra[1]);
      symbolsSinceRestart++;
    };
    let run = 0;
    const flushRun = () => {
      while (run > 0) {
        const n = Math.min(run, 0xffff);
        if (n <= 100) symbol(n);
        else if (n <= 0xff) symbol(105, [n, 8]);
        else symbol(106, [n, 16]);
        run -= n;
      }
    };
    for (const v of indices) {
      if (v === 0) {
        run++;
        continue;
      }
      flushRun();
      const m = Math.abs(v);
      if (v >= -73 && v <= 74) symbol(180 + v);
      else if (m <= 0xff) symbol(v > 0 ? 101 : 102, [m, 8]);
      else if (m <= 0xffff) symbol(v > 0 ? 103 : 104, [m, 16]);
      else throw new Error(`coefficient ${v} too large for WSQ`);
    }
    flushRun();
    bits.pad();
    append(out.bytes, bits.out);
  });
  out.u8(0xff);
  out.u8(EOI);
  return Uint8Array.from(out.bytes);
}
