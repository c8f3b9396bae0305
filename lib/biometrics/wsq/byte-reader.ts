import { WsqError } from "./wsq-error";

/**
 * Big-endian cursor over the WSQ stream. Every read is checked against the end of the data (or
 * of the current segment) so a truncated file surfaces as a WsqError naming the field, not as a
 * RangeError or a silently zero-filled value from an out-of-range typed-array index.
 */
export class ByteReader {
  pos: number;

  constructor(
    readonly data: Uint8Array,
    start = 0,
    /** Exclusive end; segment readers are bounded by their declared length, not the file. */
    readonly end = data.length,
  ) {
    this.pos = start;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(bytes: number, what: string): void {
    if (this.pos + bytes > this.end) {
      throw new WsqError(`truncated data: need ${bytes} byte(s) for ${what}, ${Math.max(0, this.end - this.pos)} left`, this.pos);
    }
  }

  u8(what: string): number {
    this.need(1, what);
    return this.data[this.pos++];
  }

  u16(what: string): number {
    this.need(2, what);
    const v = (this.data[this.pos] << 8) | this.data[this.pos + 1];
    this.pos += 2;
    return v;
  }

  u32(what: string): number {
    this.need(4, what);
    const d = this.data;
    const p = this.pos;
    // Multiply instead of << 24 so values with the top bit set stay positive.
    const v = d[p] * 0x1000000 + ((d[p + 1] << 16) | (d[p + 2] << 8) | d[p + 3]);
    this.pos += 4;
    return v;
  }

  bytes(count: number, what: string): Uint8Array {
    this.need(count, what);
    const out = this.data.subarray(this.pos, this.pos + count);
    this.pos += count;
    return out;
  }

  /**
   * Reads a marker segment's length field and returns a reader confined to the segment body, so a
   * corrupt table cannot read into the next segment. The caller's cursor jumps past the segment.
   */
  segment(marker: string): ByteReader {
    const at = this.pos;
    const length = this.u16(`${marker} segment length`);
    if (length < 2) throw new WsqError(`${marker} segment length ${length} is shorter than its own length field`, at);
    if (at + length > this.end) {
      throw new WsqError(`truncated data: ${marker} segment declares ${length} bytes but only ${this.end - at} remain`, at);
    }
    const body = new ByteReader(this.data, this.pos, at + length);
    this.pos = at + length;
    return body;
  }
}
