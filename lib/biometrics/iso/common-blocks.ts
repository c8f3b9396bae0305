import type { ByteReader } from "./byte-reader";
import type { QualityBlock } from "./types";

/**
 * Blocks shared by the 2011 editions of ISO 19794-4/-5/-6 (they follow the
 * common framework of ISO 19794-1:2011).
 */

/** 9-byte capture date/time; "all 0xFF" (or any out-of-range part) means not recorded. */
export function readCaptureDateTime(r: ByteReader): string | null {
  const year = r.u16("capture year");
  const month = r.u8("capture month");
  const day = r.u8("capture day");
  const hour = r.u8("capture hour");
  const minute = r.u8("capture minute");
  const second = r.u8("capture second");
  const millis = r.u16("capture millisecond");
  if (year === 0xffff || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour > 23 || minute > 59 || second > 59 || millis > 999) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  // Date.UTC rolls 31 February into March; such a date was never valid.
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString();
}

export function scoreOrNull(score: number): number | null {
  return score <= 100 ? score : null;
}

/** Count byte followed by 5 bytes per block: score, algorithm vendor id, algorithm id. */
export function readQualityBlocks(r: ByteReader): QualityBlock[] {
  const count = r.u8("quality block count");
  const blocks: QualityBlock[] = [];
  for (let i = 0; i < count; i++) {
    const score = r.u8(`quality block ${i + 1} score`);
    const algorithmVendorId = r.u16(`quality block ${i + 1} algorithm vendor id`);
    const algorithmId = r.u16(`quality block ${i + 1} algorithm id`);
    blocks.push({ score: scoreOrNull(score), algorithmVendorId, algorithmId });
  }
  return blocks;
}

/** Count byte followed by 3 bytes per block (authority id u16, scheme id u8); contents are not needed. */
export function readCertificationBlocks(r: ByteReader): number {
  const count = r.u8("certification block count");
  r.skip("certification blocks", count * 3);
  return count;
}

/** Fixed part of every 2011 representation header, up to and including the quality blocks. */
export function readRepresentationPreamble(r: ByteReader): {
  captureDate: string | null;
  qualityBlocks: QualityBlock[];
} {
  const captureDate = readCaptureDateTime(r);
  r.u8("capture device technology id");
  r.u16("capture device vendor id");
  r.u16("capture device type id");
  return { captureDate, qualityBlocks: readQualityBlocks(r) };
}

/**
 * Reads the u32 representation length and returns a reader confined to that
 * representation. The length includes its own 4 bytes.
 */
export function openRepresentation(r: ByteReader, index: number): ByteReader {
  const at = r.offset;
  const length = r.u32(`representation ${index + 1} length`);
  if (length < 4) r.fail(`representation ${index + 1} length`, `value ${length} is smaller than its own field`, at);
  if (length - 4 > r.remaining) {
    r.fail(`representation ${index + 1} length`, `says ${length} bytes but only ${r.remaining + 4} remain in the record (truncated)`, at);
  }
  return r.window(`representation ${index + 1}`, length - 4);
}
