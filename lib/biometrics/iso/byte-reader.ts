import { IsoRecordError } from "./iso-record-error";

/**
 * Big-endian cursor over a window of a buffer. Every read is bounds-checked
 * against the window (not the whole buffer), so a representation cannot read
 * into its neighbour even when the outer buffer is larger. Errors carry the
 * field name and absolute offset so a corrupt record can be diagnosed from the
 * message alone.
 */
export class ByteReader {
  private pos: number;

  constructor(
    private readonly buf: Uint8Array,
    /** Prefix for error messages, e.g. "FIR 020". */
    readonly context: string,
    start = 0,
    private readonly end = buf.length,
  ) {
    if (start < 0 || end > buf.length || start > end) {
      throw new IsoRecordError(`${context}: invalid window ${start}..${end} over ${buf.length} bytes`);
    }
    this.pos = start;
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(field: string, n: number): number {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new IsoRecordError(`${this.context}: ${field} at offset ${this.pos} has invalid length ${n}`, {
        field,
        offset: this.pos,
      });
    }
    if (n > this.end - this.pos) {
      throw new IsoRecordError(
        `${this.context}: truncated record: ${field} at offset ${this.pos} needs ${n} byte(s) but only ${this.end - this.pos} remain`,
        { field, offset: this.pos },
      );
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  u8(field: string): number {
    return this.buf[this.need(field, 1)];
  }

  u16(field: string): number {
    const at = this.need(field, 2);
    return (this.buf[at] << 8) | this.buf[at + 1];
  }

  u32(field: string): number {
    const at = this.need(field, 4);
    // Multiplication instead of << keeps values >= 2^31 positive.
    return this.buf[at] * 0x1000000 + ((this.buf[at + 1] << 16) | (this.buf[at + 2] << 8) | this.buf[at + 3]);
  }

  /** 6-byte length used by the 2005 finger record header. */
  u48(field: string): number {
    const at = this.need(field, 6);
    let v = 0;
    for (let i = 0; i < 6; i++) v = v * 256 + this.buf[at + i];
    return v;
  }

  /** A zero-copy view of the next n bytes. */
  bytes(field: string, n: number): Buffer {
    const at = this.need(field, n);
    return Buffer.from(this.buf.buffer, this.buf.byteOffset + at, n);
  }

  skip(field: string, n: number): void {
    this.need(field, n);
  }

  /**
   * A reader limited to the next `length` bytes (e.g. one representation);
   * this reader advances past them.
   */
  window(field: string, length: number): ByteReader {
    const at = this.need(field, length);
    return new ByteReader(this.buf, this.context, at, at + length);
  }

  fail(field: string, message: string, offset = this.pos): never {
    throw new IsoRecordError(`${this.context}: ${field} at offset ${offset}: ${message}`, { field, offset });
  }
}
