import { eyeFromCode } from "../positions";
import { ByteReader } from "./byte-reader";
import { openRepresentation, readRepresentationPreamble, scoreOrNull } from "./common-blocks";
import { readMagicAndVersion, recordEnd } from "./record-header";
import type { ImageCodec, IrisRecord, IrisRepresentation, IsoImageRepresentation } from "./types";

/**
 * ISO/IEC 19794-6 iris image records: "IIR\0" + "020\0" (2011) and
 * "010\0" (2005, rectilinear images only).
 */

type FormatInfo = { codec: ImageCodec; colour: IsoImageRepresentation["colour"]; lossless: boolean | null };

// Even codes are mono/RGB pairs in both editions, but the 2005 edition has
// JPEG-LS where 2011 has JPEG 2000, and JPEG 2000 where 2011 has PNG.
const FORMATS_2011: Record<number, FormatInfo> = {
  2: { codec: "RAW", colour: "grey", lossless: true },
  4: { codec: "RAW", colour: "rgb", lossless: true },
  6: { codec: "JPEG", colour: "grey", lossless: false },
  8: { codec: "JPEG", colour: "rgb", lossless: false },
  10: { codec: "JPEG2000", colour: "grey", lossless: null },
  12: { codec: "JPEG2000", colour: "rgb", lossless: null },
  14: { codec: "PNG", colour: "grey", lossless: true },
  16: { codec: "PNG", colour: "rgb", lossless: true },
};

const FORMATS_2005: Record<number, FormatInfo> = {
  2: { codec: "RAW", colour: "grey", lossless: true },
  4: { codec: "RAW", colour: "rgb", lossless: true },
  6: { codec: "JPEG", colour: "grey", lossless: false },
  8: { codec: "JPEG", colour: "rgb", lossless: false },
  10: { codec: "JPEG_LS", colour: "grey", lossless: true },
  12: { codec: "JPEG_LS", colour: "rgb", lossless: true },
  14: { codec: "JPEG2000", colour: "grey", lossless: null },
  16: { codec: "JPEG2000", colour: "rgb", lossless: null },
};

const UNKNOWN_FORMAT: FormatInfo = { codec: "UNKNOWN", colour: "unknown", lossless: null };

/** Smallest 2005 record header the standard allows (it carries its own length). */
const HEADER_2005_MIN = 45;

export function parseIrisRecord(input: Uint8Array): IrisRecord {
  const version = readMagicAndVersion(input, "IIR", ["020", "010"]);
  return version === "020" ? parse2011(input) : parse2005(input);
}

function parse2011(buf: Uint8Array): IrisRecord {
  const head = new ByteReader(buf, "IIR 020", 8);
  const declared = head.u32("record length");
  const end = recordEnd(head, declared, buf.length, 8);
  const r = new ByteReader(buf, "IIR 020", 12, end);
  const count = r.u16("number of representations");
  // The 2011 edition fixes this flag at 0; no certification blocks exist for iris.
  const certificationFlag = r.u8("certification flag");
  r.u8("number of eyes represented");
  if (count === 0) r.fail("number of representations", "record holds no representation", 12);

  const representations: IrisRepresentation[] = [];
  for (let index = 0; index < count; index++) {
    const rep = openRepresentation(r, index);
    const { captureDate, qualityBlocks } = readRepresentationPreamble(rep);
    rep.u16("representation number");
    const eyeCode = rep.u8("eye label");
    const imageType = rep.u8("image type");
    const codecCode = rep.u8("image format");
    rep.u8("image properties");
    const width = rep.u16("width");
    const height = rep.u16("height");
    const bitDepth = rep.u8("bit depth");
    rep.u16("range");
    rep.u16("roll angle of eye");
    rep.u16("roll angle uncertainty");
    rep.skip("iris centre and diameter", 12);
    const imageLength = rep.u32("image data length");
    const image = rep.bytes("image data", imageLength);
    const format = FORMATS_2011[codecCode] ?? UNKNOWN_FORMAT;
    representations.push({
      index,
      captureDate,
      qualityBlocks,
      certificationBlockCount: 0,
      eye: eyeFromCode(eyeCode),
      eyeCode,
      imageType,
      width,
      height,
      bitDepth,
      codec: format.codec,
      codecCode,
      lossless: format.lossless,
      colour: format.colour,
      image,
    });
  }
  return {
    modality: "Iris",
    format: "IIR",
    version: "020",
    recordLength: declared,
    certificationFlag,
    trailingBytes: buf.length - end,
    representations,
  };
}

/**
 * 2005 layout: a record header (normally 45 bytes; its length is stored in
 * the header) holding the image parameters for every image, then per eye a
 * 3-byte subtype header (eye, image count) and per image an 11-byte header
 * (sequence, quality, rotation, rotation uncertainty, image length) + image.
 */
function parse2005(buf: Uint8Array): IrisRecord {
  const head = new ByteReader(buf, "IIR 010", 8);
  const declared = head.u32("record length");
  const end = recordEnd(head, declared, buf.length, 8);
  const r = new ByteReader(buf, "IIR 010", 12, end);
  r.u16("capture device id");
  const eyeCountAt = r.offset;
  const eyeCount = r.u8("number of iris biometric subtypes");
  const headerLengthAt = r.offset;
  const headerLength = r.u16("record header length");
  r.u16("image property bit field");
  r.u16("iris diameter");
  const codecCode = r.u16("image format");
  const width = r.u16("image width");
  const height = r.u16("image height");
  const bitDepth = r.u8("image intensity depth");
  r.u8("image transformation");
  if (headerLength < HEADER_2005_MIN) {
    r.fail("record header length", `value ${headerLength} is below the minimum of ${HEADER_2005_MIN}`, headerLengthAt);
  }
  // The header starts at offset 0; skip the device unique id and anything a longer header adds.
  r.skip("device unique identifier", headerLength - r.offset);
  if (eyeCount === 0) r.fail("number of iris biometric subtypes", "record holds no eye", eyeCountAt);
  const format = FORMATS_2005[codecCode] ?? UNKNOWN_FORMAT;

  const representations: IrisRepresentation[] = [];
  for (let eyeIndex = 0; eyeIndex < eyeCount; eyeIndex++) {
    const eyeCode = r.u8(`subtype ${eyeIndex + 1} identifier`);
    const imageCountAt = r.offset;
    const imageCount = r.u16(`subtype ${eyeIndex + 1} number of images`);
    if (imageCount === 0) r.fail(`subtype ${eyeIndex + 1} number of images`, "subtype holds no image", imageCountAt);
    for (let i = 0; i < imageCount; i++) {
      const label = `subtype ${eyeIndex + 1} image ${i + 1}`;
      r.u16(`${label} sequence number`);
      const quality = r.u8(`${label} quality`);
      r.u16(`${label} rotation angle`);
      r.u16(`${label} rotation uncertainty`);
      const imageLength = r.u32(`${label} length`);
      const image = r.bytes(`${label} data`, imageLength);
      representations.push({
        index: representations.length,
        captureDate: null,
        qualityBlocks: [{ score: scoreOrNull(quality), algorithmVendorId: null, algorithmId: null }],
        certificationBlockCount: 0,
        eye: eyeFromCode(eyeCode),
        eyeCode,
        imageType: null,
        width,
        height,
        bitDepth,
        codec: format.codec,
        codecCode,
        lossless: format.lossless,
        colour: format.colour,
        image,
      });
    }
  }
  return {
    modality: "Iris",
    format: "IIR",
    version: "010",
    recordLength: declared,
    certificationFlag: 0,
    trailingBytes: buf.length - end,
    representations,
  };
}
