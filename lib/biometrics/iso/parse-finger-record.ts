import { fingerPositionFromCode } from "../positions";
import { ByteReader } from "./byte-reader";
import { openRepresentation, readCertificationBlocks, readRepresentationPreamble, scoreOrNull } from "./common-blocks";
import { readMagicAndVersion, recordEnd } from "./record-header";
import type { FingerRecord, FingerRepresentation, ImageCodec } from "./types";

/**
 * ISO/IEC 19794-4 finger image records: "FIR\0" + "020\0" (2011, what MOSIP
 * 1.2 devices send) and "010\0" (2005, older MOSIP test data).
 */

/** 2005 per-finger header size, counting its own 4-byte length field. */
const FINGER_HEADER = 14;

const CODECS_2011: Record<number, { codec: ImageCodec; lossless: boolean }> = {
  0: { codec: "RAW", lossless: true },
  1: { codec: "RAW_PACKED", lossless: true },
  2: { codec: "WSQ", lossless: false },
  3: { codec: "JPEG", lossless: false },
  4: { codec: "JPEG2000", lossless: false },
  5: { codec: "JPEG2000", lossless: true },
  6: { codec: "PNG", lossless: true },
};

// The 2005 edition has a single JPEG 2000 code (4) and puts PNG at 5.
const CODECS_2005: Record<number, { codec: ImageCodec; lossless: boolean | null }> = {
  0: { codec: "RAW", lossless: true },
  1: { codec: "RAW_PACKED", lossless: true },
  2: { codec: "WSQ", lossless: false },
  3: { codec: "JPEG", lossless: false },
  4: { codec: "JPEG2000", lossless: null },
  5: { codec: "PNG", lossless: true },
};

export function parseFingerRecord(input: Uint8Array): FingerRecord {
  const version = readMagicAndVersion(input, "FIR", ["020", "010"]);
  return version === "020" ? parse2011(input) : parse2005(input);
}

function parse2011(buf: Uint8Array): FingerRecord {
  const head = new ByteReader(buf, "FIR 020", 8);
  const declared = head.u32("record length");
  const end = recordEnd(head, declared, buf.length, 8);
  const r = new ByteReader(buf, "FIR 020", 12, end);
  const count = r.u16("number of representations");
  const certificationFlag = r.u8("certification flag");
  r.u8("number of finger positions");
  if (count === 0) r.fail("number of representations", "record holds no representation", 12);

  const representations: FingerRepresentation[] = [];
  for (let index = 0; index < count; index++) {
    const rep = openRepresentation(r, index);
    const { captureDate, qualityBlocks } = readRepresentationPreamble(rep);
    const certificationBlockCount = certificationFlag !== 0 ? readCertificationBlocks(rep) : 0;
    const positionCode = rep.u8("finger position");
    const viewNumber = rep.u8("representation number");
    const scaleUnits = rep.u8("scale units");
    rep.u16("capture sampling rate horizontal");
    rep.u16("capture sampling rate vertical");
    const imageResolution = {
      horizontal: rep.u16("image sampling rate horizontal"),
      vertical: rep.u16("image sampling rate vertical"),
    };
    const bitDepth = rep.u8("bit depth");
    const codecCode = rep.u8("compression algorithm");
    const impressionType = rep.u8("impression type");
    const width = rep.u16("horizontal line length");
    const height = rep.u16("vertical line length");
    const imageLength = rep.u32("image data length");
    const image = rep.bytes("image data", imageLength);
    // Whatever follows the image (extended data: segmentation, annotation,
    // comment blocks) is covered by the representation length and skipped.
    const codec = CODECS_2011[codecCode] ?? { codec: "UNKNOWN" as const, lossless: null };
    representations.push({
      index,
      captureDate,
      qualityBlocks,
      certificationBlockCount,
      position: fingerPositionFromCode(positionCode),
      positionCode,
      viewNumber,
      impressionType,
      scaleUnits,
      imageResolution,
      width,
      height,
      bitDepth,
      codec: codec.codec,
      codecCode,
      lossless: codec.lossless,
      colour: "grey",
      image,
    });
  }
  return {
    modality: "Finger",
    format: "FIR",
    version: "020",
    recordLength: declared,
    certificationFlag,
    trailingBytes: buf.length - end,
    representations,
  };
}

/**
 * 2005 layout: a 32-byte header whose record length is 6 bytes wide and which
 * carries the image parameters shared by all fingers, followed by one 14-byte
 * finger header + image per finger view.
 */
function parse2005(buf: Uint8Array): FingerRecord {
  const head = new ByteReader(buf, "FIR 010", 8);
  const declared = head.u48("record length");
  const end = recordEnd(head, declared, buf.length, 8);
  const r = new ByteReader(buf, "FIR 010", 14, end);
  r.u16("capture device id");
  r.u16("image acquisition level");
  const countAt = r.offset;
  const count = r.u8("number of fingers");
  const scaleUnits = r.u8("scale units");
  r.u16("scan resolution horizontal");
  r.u16("scan resolution vertical");
  const imageResolution = {
    horizontal: r.u16("image resolution horizontal"),
    vertical: r.u16("image resolution vertical"),
  };
  const bitDepth = r.u8("pixel depth");
  const codecCode = r.u8("compression algorithm");
  r.skip("reserved", 2);
  if (count === 0) r.fail("number of fingers", "record holds no finger image", countAt);
  const codec = CODECS_2005[codecCode] ?? { codec: "UNKNOWN" as const, lossless: null };

  const representations: FingerRepresentation[] = [];
  for (let index = 0; index < count; index++) {
    const lengthAt = r.offset;
    const length = r.u32(`finger ${index + 1} data length`);
    if (length < FINGER_HEADER) {
      r.fail(`finger ${index + 1} data length`, `value ${length} is smaller than the 14-byte finger header`, lengthAt);
    }
    if (length - 4 > r.remaining) {
      r.fail(
        `finger ${index + 1} data length`,
        `says ${length} bytes but only ${r.remaining + 4} remain in the record (truncated)`,
        lengthAt,
      );
    }
    const f = r.window(`finger ${index + 1}`, length - 4);
    const positionCode = f.u8("finger position");
    f.u8("count of views");
    const viewNumber = f.u8("view number");
    const quality = f.u8("finger quality");
    const impressionType = f.u8("impression type");
    const width = f.u16("horizontal line length");
    const height = f.u16("vertical line length");
    f.skip("reserved", 1);
    const image = f.bytes("image data", f.remaining);
    representations.push({
      index,
      captureDate: null,
      qualityBlocks: [{ score: scoreOrNull(quality), algorithmVendorId: null, algorithmId: null }],
      certificationBlockCount: 0,
      position: fingerPositionFromCode(positionCode),
      positionCode,
      viewNumber,
      impressionType,
      scaleUnits,
      imageResolution,
      width,
      height,
      bitDepth,
      codec: codec.codec,
      codecCode,
      lossless: codec.lossless,
      colour: "grey",
      image,
    });
  }
  return {
    modality: "Finger",
    format: "FIR",
    version: "010",
    recordLength: declared,
    certificationFlag: 0,
    trailingBytes: buf.length - end,
    representations,
  };
}
