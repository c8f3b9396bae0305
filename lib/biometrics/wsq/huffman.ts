import { WsqError } from "./wsq-error";

/**
 * Canonical Huffman table in the JPEG style WSQ borrows (16 code-length counts + symbol list).
 * Decoding walks code lengths with the min/max-code-per-length arrays, which needs no tree and
 * rejects impossible codes as soon as they exceed the longest length.
 */
export interface HuffmanTable {
  readonly id: number;
  /** Largest code of each length 1..16, or -1 when no code has that length. */
  readonly maxCode: Int32Array;
  /** Index into `symbols` of the first code of each length. */
  readonly valueOffset: Int32Array;
  readonly minCode: Int32Array;
  readonly symbols: Uint8Array;
}

export function buildHuffmanTable(id: number, counts: Uint8Array, symbols: Uint8Array, offset: number): HuffmanTable {
  const maxCode = new Int32Array(17).fill(-1);
  const minCode = new Int32Array(17);
  const valueOffset = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    const n = counts[len - 1];
    if (n > 0) {
      valueOffset[len] = k;
      minCode[len] = code;
      code += n;
      k += n;
      // A prefix code cannot hold more than 2^len codes of length len; more means a corrupt table.
      if (code > 1 << len) throw new WsqError(`Huffman table ${id}: code lengths over-subscribe length ${len}`, offset);
      maxCode[len] = code - 1;
    }
    code <<= 1;
  }
  if (k !== symbols.length) throw new WsqError(`Huffman table ${id}: ${symbols.length} symbols for ${k} codes`, offset);
  return { id, maxCode, minCode, valueOffset, symbols };
}
