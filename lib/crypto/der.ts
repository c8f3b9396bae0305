// The handful of ASN.1 DER encodings a self-signed X.509 certificate needs (X.690 section 8/10).
// Node can parse certificates but not build them; this is the smallest encoder that lets tests and
// the simulator mint partner certificates without a dependency. Encode only; no parsing.

export function tlv(tag: number, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

/** Short form below 128, else long form with the minimal number of length octets. */
export function encodeLength(n: number): Buffer {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`DER length must be a non-negative integer, got ${n}`);
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const sequence = (...items: Uint8Array[]): Buffer => tlv(0x30, Buffer.concat(items));
export const set = (...items: Uint8Array[]): Buffer => tlv(0x31, Buffer.concat(items));
export const nullValue = (): Buffer => Buffer.from([0x05, 0x00]);
export const utf8String = (s: string): Buffer => tlv(0x0c, Buffer.from(s, "utf8"));
export const octetString = (b: Uint8Array): Buffer => tlv(0x04, b);
export const boolean = (v: boolean): Buffer => Buffer.from([0x01, 0x01, v ? 0xff : 0x00]);
/** Context-specific constructed tag [n] (EXPLICIT wrapping). */
export const explicit = (n: number, inner: Uint8Array): Buffer => tlv(0xa0 | n, inner);

/** A non-negative INTEGER from big-endian magnitude bytes (minimal, with a 0x00 sign pad if needed). */
export function unsignedInteger(magnitude: Uint8Array): Buffer {
  let i = 0;
  while (i < magnitude.length - 1 && magnitude[i] === 0) i++;
  let body = Buffer.from(magnitude.subarray(i));
  if (body.length === 0) body = Buffer.from([0]);
  if (body[0] & 0x80) body = Buffer.concat([Buffer.from([0]), body]);
  return tlv(0x02, body);
}

export function smallInteger(n: number): Buffer {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`smallInteger out of range: ${n}`);
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return unsignedInteger(b);
}

/** BIT STRING with zero unused bits (signatures, public keys). */
export const bitString = (bytes: Uint8Array): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));

/**
 * Named-bit BIT STRING (e.g. KeyUsage): bit 0 is the most significant bit of the first octet; DER
 * drops trailing zero bits and records how many bits of the last octet are unused.
 */
export function namedBits(bits: readonly number[]): Buffer {
  if (bits.length === 0) return Buffer.from([0x03, 0x01, 0x00]);
  const max = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(max / 8) + 1);
  for (const b of bits) bytes[Math.floor(b / 8)] |= 0x80 >> (b % 8);
  const unused = 7 - (max % 8);
  return tlv(0x03, Buffer.concat([Buffer.from([unused]), bytes]));
}

export function objectIdentifier(oid: string): Buffer {
  const arcs = oid.split(".").map((a) => {
    if (!/^\d+$/.test(a)) throw new RangeError(`bad OID arc in ${oid}`);
    return BigInt(a);
  });
  if (arcs.length < 2 || arcs[0] > 2n || (arcs[0] < 2n && arcs[1] > 39n)) throw new RangeError(`bad OID ${oid}`);
  const out: number[] = [];
  const push = (v: bigint) => {
    const chunk: number[] = [Number(v & 0x7fn)];
    for (v >>= 7n; v > 0n; v >>= 7n) chunk.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...chunk);
  };
  push(arcs[0] * 40n + arcs[1]);
  for (const a of arcs.slice(2)) push(a);
  return tlv(0x06, Buffer.from(out));
}

/** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050; always UTC, whole seconds. */
export function time(d: Date): Buffer {
  const iso = d.toISOString(); // yyyy-mm-ddThh:mm:ss.sssZ
  const year = d.getUTCFullYear();
  if (year < 1950 || year > 9999) throw new RangeError(`certificate time out of range: ${iso}`);
  const digits = iso.slice(0, 19).replace(/[-T:]/g, ""); // yyyymmddhhmmss
  return year < 2050 ? tlv(0x17, Buffer.from(`${digits.slice(2)}Z`, "ascii")) : tlv(0x18, Buffer.from(`${digits}Z`, "ascii"));
}
