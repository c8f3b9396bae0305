// Test-only helpers to derive malformed or unusual records from real samples.

/** Copy of buf with a big-endian unsigned integer of `width` bytes written at `at`. */
export function withUint(buf: Uint8Array, at: number, width: 1 | 2 | 4, value: number): Buffer {
  const out = Buffer.from(buf);
  out.writeUIntBE(value, at, width);
  return out;
}

/** Copy of buf with `delta` added to each u32 length field at the given offsets. */
export function adjustU32(buf: Uint8Array, offsets: number[], delta: number): Buffer {
  const out = Buffer.from(buf);
  for (const at of offsets) out.writeUInt32BE(out.readUInt32BE(at) + delta, at);
  return out;
}

export function insertBytes(buf: Uint8Array, at: number, bytes: Uint8Array): Buffer {
  return Buffer.concat([buf.subarray(0, at), bytes, buf.subarray(at)]);
}

export function removeBytes(buf: Uint8Array, at: number, count: number): Buffer {
  return Buffer.concat([buf.subarray(0, at), buf.subarray(at + count)]);
}
