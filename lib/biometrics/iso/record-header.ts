import type { ByteReader } from "./byte-reader";
import { IsoRecordError } from "./iso-record-error";

/**
 * Checks the 4-byte format identifier and reads the 4-byte version ("020\0")
 * that start every ISO 19794 record.
 */
export function readMagicAndVersion(buf: Uint8Array, magic: string, supported: readonly string[]): string {
  if (buf.length < 8) {
    throw new IsoRecordError(`${magic}: truncated record: header needs 8 bytes, got ${buf.length}`, {
      field: "format identifier",
      offset: 0,
    });
  }
  for (let i = 0; i < 3; i++) {
    if (buf[i] !== magic.charCodeAt(i)) {
      throw new IsoRecordError(`not a ${magic} record: format identifier at offset 0 is ${describeMagic(buf)}`, {
        field: "format identifier",
        offset: 0,
      });
    }
  }
  if (buf[3] !== 0) {
    throw new IsoRecordError(`not a ${magic} record: format identifier at offset 0 is ${describeMagic(buf)}`, {
      field: "format identifier",
      offset: 0,
    });
  }
  const version = String.fromCharCode(buf[4], buf[5], buf[6]);
  if (buf[7] !== 0 || !supported.includes(version)) {
    throw new IsoRecordError(
      `${magic}: unsupported version ${JSON.stringify(String.fromCharCode(buf[4], buf[5], buf[6], buf[7]))} at offset 4 (supported: ${supported.join(", ")})`,
      { field: "version", offset: 4 },
    );
  }
  return version;
}

export function describeMagic(buf: Uint8Array): string {
  const head = Array.from(buf.subarray(0, 4), (b) => b.toString(16).padStart(2, "0")).join(" ");
  return head ? `0x ${head}` : "empty";
}

/**
 * Resolves the declared record length against what was actually supplied.
 * Extra bytes after the record are tolerated (seen in MOSIP BDBs); a record
 * longer than the input is truncated and rejected. A zero length means "not
 * filled in" and the input length is used instead.
 */
export function recordEnd(r: ByteReader, declared: number, bufferLength: number, fieldOffset: number): number {
  if (declared === 0) return bufferLength;
  if (declared > bufferLength) {
    throw new IsoRecordError(
      `${r.context}: truncated record: record length at offset ${fieldOffset} says ${declared} bytes but only ${bufferLength} are present`,
      { field: "record length", offset: fieldOffset },
    );
  }
  return declared;
}
