import type { HuffmanTable } from "./huffman";
import { isRestartMarker, markerName } from "./markers";
import { WsqError } from "./wsq-error";

/**
 * Bit reader over entropy-coded data: JPEG-style 0xFF00 byte stuffing, and restart markers that
 * may only appear between Huffman codes (after 1-bit padding to a byte boundary).
 */
class BitReader {
  private current = 0;
  private bitsLeft = 0;

  constructor(
    private readonly data: Uint8Array,
    public pos: number,
    private readonly where: string,
  ) {}

  private fetch(): void {
    const d = this.data;
    if (this.pos >= d.length) throw new WsqError(`truncated data: ${this.where} runs past the end of the image`, this.pos);
    const b = d[this.pos];
    if (b === 0xff) {
      if (this.pos + 1 >= d.length) throw new WsqError(`truncated data: ${this.where} ends inside a 0xFF byte pair`, this.pos);
      const next = d[this.pos + 1];
      if (next !== 0x00) {
        throw new WsqError(`unexpected marker ${markerName(next)} inside ${this.where}`, this.pos);
      }
      this.pos += 2;
    } else {
      this.pos += 1;
    }
    this.current = b;
    this.bitsLeft = 8;
  }

  bit(): number {
    if (this.bitsLeft === 0) this.fetch();
    this.bitsLeft--;
    return (this.current >> this.bitsLeft) & 1;
  }

  bits(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v = (v << 1) | this.bit();
    return v;
  }

  /**
   * Called between codes. The encoder pads with 1-bits before a restart marker, and a canonical
   * Huffman code is never all ones, so "only 1-bits left in this byte, then 0xFFB0..B7" can only
   * be a restart. Detecting it here avoids needing to know the restart interval's unit.
   */
  skipRestarts(): void {
    for (;;) {
      const d = this.data;
      const padding = (1 << this.bitsLeft) - 1;
      if ((this.current & padding) !== padding) return;
      if (this.pos + 1 >= d.length || d[this.pos] !== 0xff || !isRestartMarker(d[this.pos + 1])) return;
      this.pos += 2;
      this.bitsLeft = 0;
    }
  }

  /** Drops the padding after the last code so the cursor sits on the next marker. */
  finish(): number {
    this.bitsLeft = 0;
    this.skipRestarts();
    return this.pos;
  }
}

function decodeSymbol(r: BitReader, t: HuffmanTable, where: string): number {
  let code = 0;
  for (let len = 1; len <= 16; len++) {
    code = (code << 1) | r.bit();
    if (code <= t.maxCode[len]) return t.symbols[t.valueOffset[len] + code - t.minCode[len]];
  }
  throw new WsqError(`invalid Huffman code in ${where} (table ${t.id})`, r.pos);
}

export interface DecodedBlock {
  /** Quantised coefficient indices, subbands concatenated in order, each in raster order. */
  readonly indices: Int32Array;
  /** Offset just after the block's entropy-coded data. */
  readonly end: number;
}

/**
 * Decodes exactly `count` quantiser indices. Stopping at the known count (rather than at the next
 * marker) is what lets a zero run or escape that overruns the block be reported as corruption.
 */
export function decodeBlock(data: Uint8Array, start: number, table: HuffmanTable, count: number, blockNo: number): DecodedBlock {
  const where = `entropy-coded data of block ${blockNo}`;
  const r = new BitReader(data, start, where);
  const out = new Int32Array(count);
  let k = 0;
  const zeros = (run: number) => {
    if (k + run > count) {
      throw new WsqError(`zero run of ${run} overruns ${where} at coefficient ${k} of ${count}`, r.pos);
    }
    k += run; // Int32Array starts zeroed.
  };
  const put = (v: number) => {
    if (k >= count) throw new WsqError(`${where} has more than ${count} coefficients`, r.pos);
    out[k++] = v;
  };
  while (k < count) {
    r.skipRestarts();
    const s = decodeSymbol(r, table, where);
    if (s >= 1 && s <= 100) zeros(s);
    else if (s >= 107 && s <= 254) put(s - 180);
    else if (s === 101) put(r.bits(8));
    else if (s === 102) put(-r.bits(8));
    else if (s === 103) put(r.bits(16));
    else if (s === 104) put(-r.bits(16));
    else if (s === 105) zeros(r.bits(8));
    else if (s === 106) zeros(r.bits(16));
    else throw new WsqError(`undefined Huffman symbol ${s} in ${where}`, r.pos);
  }
  return { indices: out, end: r.finish() };
}
