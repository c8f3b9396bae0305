import type { ByteReader } from "./byte-reader";
import { buildHuffmanTable, type HuffmanTable } from "./huffman";
import { WsqError } from "./wsq-error";

/** Subband slots in a DQT segment; only the first 60 ever carry coefficients. */
export const QUANT_SLOTS = 64;

export interface FrameHeader {
  black: number;
  white: number;
  width: number;
  height: number;
  /** Pixel = coefficient * scale + shift (the encoder's normalisation undone). */
  shift: number;
  scale: number;
  encoder: number;
  software: number;
}

export interface TransformTable {
  /** Analysis filter taps by distance from the centre: taps[0] is the centre tap. */
  lowpass: Float64Array;
  highpass: Float64Array;
}

export interface QuantTable {
  binCenter: number;
  /** Bin width Q per subband; 0 means the subband was not transmitted. */
  q: Float64Array;
  /** Zero-bin width Z per subband. */
  z: Float64Array;
}

/** WSQ stores reals as an integer with a decimal exponent byte: value / 10^scale. */
function scaled(r: ByteReader, bytes: 2 | 4, what: string): number {
  const exponent = r.u8(`${what} scale`);
  const raw = bytes === 2 ? r.u16(what) : r.u32(what);
  return raw / 10 ** exponent;
}

function expectConsumed(r: ByteReader, marker: string): void {
  if (r.remaining !== 0) throw new WsqError(`${marker} segment has ${r.remaining} unexpected trailing byte(s)`, r.pos);
}

export function parseFrameHeader(r: ByteReader): FrameHeader {
  const start = r.pos;
  const black = r.u8("SOF black level");
  const white = r.u8("SOF white level");
  const height = r.u16("SOF height");
  const width = r.u16("SOF width");
  const shift = scaled(r, 2, "SOF shift M");
  const scale = scaled(r, 2, "SOF scale R");
  const encoder = r.u8("SOF encoder number");
  const software = r.u16("SOF software number");
  expectConsumed(r, "SOF");
  if (width === 0 || height === 0) throw new WsqError(`SOF declares an empty image ${width}x${height}`, start);
  return { black, white, width, height, shift, scale, encoder, software };
}

function readFilter(r: ByteReader, length: number, which: string): Float64Array {
  // Symmetric odd-length filters are sent as their centre tap plus one side.
  const taps = new Float64Array((length + 1) / 2);
  for (let i = 0; i < taps.length; i++) {
    const sign = r.u8(`DTT ${which} tap ${i} sign`);
    const value = scaled(r, 4, `DTT ${which} tap ${i}`);
    taps[i] = sign ? -value : value;
  }
  return taps;
}

export function parseTransformTable(r: ByteReader): TransformTable {
  const start = r.pos;
  const lowLength = r.u8("DTT lowpass length");
  const highLength = r.u8("DTT highpass length");
  // Even-length (half-sample symmetric) filters need a different boundary extension and
  // subband phase; no WSQ encoder in use emits them (all use the 9/7 pair), so refuse clearly
  // rather than reconstruct a wrong image.
  if (lowLength % 2 === 0 || highLength % 2 === 0) {
    throw new WsqError(`DTT filter lengths ${lowLength}/${highLength}: only odd-length filters are supported`, start);
  }
  const lowpass = readFilter(r, lowLength, "lowpass");
  const highpass = readFilter(r, highLength, "highpass");
  expectConsumed(r, "DTT");
  return { lowpass, highpass };
}

export function parseQuantTable(r: ByteReader): QuantTable {
  const binCenter = scaled(r, 2, "DQT bin centre");
  const q = new Float64Array(QUANT_SLOTS);
  const z = new Float64Array(QUANT_SLOTS);
  for (let i = 0; i < QUANT_SLOTS; i++) {
    q[i] = scaled(r, 2, `DQT subband ${i} bin width`);
    z[i] = scaled(r, 2, `DQT subband ${i} zero-bin width`);
  }
  expectConsumed(r, "DQT");
  return { binCenter, q, z };
}

/** A DHT segment may define several tables back to back. */
export function parseHuffmanTables(r: ByteReader): HuffmanTable[] {
  const tables: HuffmanTable[] = [];
  do {
    const at = r.pos;
    const id = r.u8("DHT table id");
    const counts = r.bytes(16, `DHT table ${id} code-length counts`);
    let total = 0;
    for (let i = 0; i < 16; i++) total += counts[i];
    if (total === 0 || total > 256) throw new WsqError(`DHT table ${id} declares ${total} symbols`, at);
    const symbols = r.bytes(total, `DHT table ${id} symbols`);
    tables.push(buildHuffmanTable(id, counts, symbols, at));
  } while (r.remaining > 0);
  return tables;
}

export function parseRestartInterval(r: ByteReader): number {
  const interval = r.u16("DRT restart interval");
  expectConsumed(r, "DRT");
  return interval;
}

export function parseBlockHeader(r: ByteReader): number {
  const tableId = r.u8("SOB Huffman table id");
  expectConsumed(r, "SOB");
  return tableId;
}

/**
 * Resolution is not part of the WSQ frame; NIST encoders record it in a "NIST_COM" comment as a
 * "PPI <n>" line (-1 when unknown).
 */
export function ppiFromComment(text: Uint8Array): number | null {
  const s = new TextDecoder("latin1").decode(text);
  if (!s.startsWith("NIST_COM")) return null;
  const m = /(?:^|\n)PPI[ \t]+(-?\d+)/.exec(s);
  if (!m) return null;
  const ppi = Number(m[1]);
  return Number.isSafeInteger(ppi) && ppi > 0 ? ppi : null;
}
