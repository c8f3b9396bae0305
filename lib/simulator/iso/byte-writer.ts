// Big-endian byte assembly for ISO 19794 records (every multi-byte field in those formats is
// big-endian). Values are range-checked: a silently truncated length field would produce a
// record that parses as something else.

export class ByteWriter {
  private readonly chunks: Buffer[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  u8(v: number, field: string): this {
    return this.push(1, v, field, (b) => b.writeUInt8(v));
  }

  u16(v: number, field: string): this {
    return this.push(2, v, field, (b) => b.writeUInt16BE(v));
  }

  u32(v: number, field: string): this {
    return this.push(4, v, field, (b) => b.writeUInt32BE(v));
  }

  bytes(data: Uint8Array): this {
    const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.chunks.push(b);
    this.size += b.length;
    return this;
  }

  ascii(text: string): this {
    return this.bytes(Buffer.from(text, "latin1"));
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }

  private push(n: number, v: number, field: string, write: (b: Buffer) => void): this {
    const max = 2 ** (8 * n) - 1;
    if (!Number.isInteger(v) || v < 0 || v > max) throw new RangeError(`${field}: ${v} does not fit in ${n} byte(s)`);
    const b = Buffer.alloc(n);
    write(b);
    this.chunks.push(b);
    this.size += n;
    return this;
  }
}

/** The 9-byte capture date/time of the 2011 editions (UTC). */
export function writeCaptureDate(w: ByteWriter, date: Date): void {
  w.u16(date.getUTCFullYear(), "capture year")
    .u8(date.getUTCMonth() + 1, "capture month")
    .u8(date.getUTCDate(), "capture day")
    .u8(date.getUTCHours(), "capture hour")
    .u8(date.getUTCMinutes(), "capture minute")
    .u8(date.getUTCSeconds(), "capture second")
    .u16(date.getUTCMilliseconds(), "capture millisecond");
}

export interface QualityBlockInput {
  score: number;
  algorithmVendorId?: number;
  algorithmId?: number;
}

export function writeQualityBlocks(w: ByteWriter, blocks: readonly QualityBlockInput[]): void {
  w.u8(blocks.length, "quality block count");
  for (const q of blocks) {
    w.u8(q.score, "quality score")
      .u16(q.algorithmVendorId ?? 0, "quality algorithm vendor")
      .u16(q.algorithmId ?? 0, "quality algorithm id");
  }
}

/** Capture device fields shared by all three 2011 representation headers. */
export interface CaptureDevice {
  technology?: number;
  vendorId?: number;
  typeId?: number;
}

export function writeDevice(w: ByteWriter, d: CaptureDevice, defaultTechnology: number): void {
  w.u8(d.technology ?? defaultTechnology, "device technology")
    .u16(d.vendorId ?? 0, "device vendor")
    .u16(d.typeId ?? 0, "device type");
}

/**
 * "MAG\0" + "VVV\0" + record length u32 + the rest of the general header + representations.
 * Each representation must already start with its own u32 length.
 */
export function assembleRecord(
  magic: string,
  version: string,
  headerTail: (w: ByteWriter) => void,
  representations: readonly Buffer[],
): Buffer {
  const tail = new ByteWriter();
  headerTail(tail);
  const body = Buffer.concat(representations);
  const total = 12 + tail.length + body.length;
  const head = new ByteWriter().ascii(`${magic}\0${version}\0`).u32(total, "record length");
  return Buffer.concat([head.toBuffer(), tail.toBuffer(), body], total);
}

/** Prefixes a representation body with its u32 length (which counts those 4 bytes too). */
export function withLength(body: ByteWriter, what: string): Buffer {
  const inner = body.toBuffer();
  return Buffer.concat([new ByteWriter().u32(inner.length + 4, `${what} length`).toBuffer(), inner]);
}
