import { ByteReader } from "./byte-reader";
import { openRepresentation, readRepresentationPreamble } from "./common-blocks";
import { readMagicAndVersion, recordEnd } from "./record-header";
import type { FaceRecord, FaceRepresentation, ImageCodec, IsoImageRepresentation } from "./types";

/** ISO/IEC 19794-5:2011 face image records ("FAC\0" + "030\0"). */

const CODECS: Record<number, { codec: ImageCodec; lossless: boolean }> = {
  0: { codec: "JPEG", lossless: false },
  1: { codec: "JPEG2000", lossless: false },
  2: { codec: "JPEG2000", lossless: true },
  3: { codec: "PNG", lossless: true },
};

const COLOUR_SPACES: Record<number, IsoImageRepresentation["colour"]> = { 1: "rgb", 3: "grey" };

/** Landmark count, gender, eye, hair, height, property mask(3), expression(2), pose(3), pose uncertainty(3). */
const FACIAL_INFORMATION_AFTER_COUNT = 15;
const LANDMARK_POINT = 8;
/** Face image types 0x80-0x82 are the 3-D variants, which add blocks MOSIP never produces. */
const FACE_IMAGE_TYPE_3D = 0x80;

export function parseFaceRecord(input: Uint8Array): FaceRecord {
  readMagicAndVersion(input, "FAC", ["030"]);
  const head = new ByteReader(input, "FAC 030", 8);
  const declared = head.u32("record length");
  const end = recordEnd(head, declared, input.length, 8);
  const r = new ByteReader(input, "FAC 030", 12, end);
  const count = r.u16("number of representations");
  // 19794-5:2011 defines no certification scheme for faces, so this flag
  // never adds certification blocks to the representation header.
  const certificationFlag = r.u8("certification flag");
  r.u16("temporal semantics");
  if (count === 0) r.fail("number of representations", "record holds no representation", 12);

  const representations: FaceRepresentation[] = [];
  for (let index = 0; index < count; index++) {
    const rep = openRepresentation(r, index);
    const { captureDate, qualityBlocks } = readRepresentationPreamble(rep);
    const landmarkCount = rep.u16("number of landmark points");
    rep.skip("facial information", FACIAL_INFORMATION_AFTER_COUNT);
    rep.skip("landmark points", landmarkCount * LANDMARK_POINT);
    const typeAt = rep.offset;
    const faceImageType = rep.u8("face image type");
    const codecCode = rep.u8("image data type");
    const width = rep.u16("width");
    const height = rep.u16("height");
    rep.u8("spatial sampling rate level");
    rep.u16("post-acquisition processing");
    rep.u8("cross reference");
    const colourSpace = rep.u8("image colour space");
    if (faceImageType & FACE_IMAGE_TYPE_3D) {
      rep.fail("face image type", `3-D face representations (type 0x${faceImageType.toString(16)}) are not supported`, typeAt);
    }
    const imageLength = rep.u32("image data length");
    const image = rep.bytes("image data", imageLength);
    const colour = COLOUR_SPACES[colourSpace] ?? "unknown";
    const codec = CODECS[codecCode] ?? { codec: "UNKNOWN" as const, lossless: null };
    representations.push({
      index,
      captureDate,
      qualityBlocks,
      certificationBlockCount: 0,
      faceImageType,
      colourSpace,
      landmarkCount,
      width,
      height,
      bitDepth: colour === "rgb" ? 24 : colour === "grey" ? 8 : null,
      codec: codec.codec,
      codecCode,
      lossless: codec.lossless,
      colour,
      image,
    });
  }
  return {
    modality: "Face",
    format: "FAC",
    version: "030",
    recordLength: declared,
    certificationFlag,
    trailingBytes: input.length - end,
    representations,
  };
}
