// ISO/IEC 19794-5:2011 face image record ("FAC\0" "030\0"): one 2-D full-frontal representation,
// no landmarks. Layout in contract notes 5.3.

import {
  ByteWriter,
  assembleRecord,
  withLength,
  writeCaptureDate,
  writeDevice,
  writeQualityBlocks,
  type CaptureDevice,
  type QualityBlockInput,
} from "./byte-writer";

/** Image data type codes of the 2011 edition the simulator can produce. */
export const FACE_IMAGE_DATA_TYPE = { JPEG: 0, PNG: 3 } as const;
export type FaceImageDataType = keyof typeof FACE_IMAGE_DATA_TYPE;

export interface FaceRecordInput {
  dataType: FaceImageDataType;
  width: number;
  height: number;
  image: Uint8Array;
  /** 1 = 24-bit RGB, 3 = 8-bit grey. */
  colourSpace?: number;
  quality: readonly QualityBlockInput[];
  captureDate?: Date;
  /** 1 = male, 2 = female, 0 = unspecified. */
  gender?: number;
  device?: CaptureDevice;
}

/** Face image type 1 = full frontal. */
const FULL_FRONTAL = 1;
/** Capture device technology 2 = still digital camera. */
const DIGITAL_CAMERA = 2;
/** "Unspecified" for the 3-byte pose angle and uncertainty fields. */
const UNSPECIFIED_POSE = [0, 0, 0];

export function writeFaceRecord(input: FaceRecordInput): Buffer {
  const rep = new ByteWriter();
  writeCaptureDate(rep, input.captureDate ?? new Date());
  writeDevice(rep, input.device ?? {}, DIGITAL_CAMERA);
  writeQualityBlocks(rep, input.quality);
  // Facial information block (17 bytes).
  rep
    .u16(0, "landmark count")
    .u8(input.gender ?? 0, "gender")
    .u8(0, "eye colour")
    .u8(0, "hair colour")
    .u8(0, "subject height")
    .u8(0, "property mask 1")
    .u8(0, "property mask 2")
    .u8(0, "property mask 3")
    .u16(0, "expression");
  for (const b of UNSPECIFIED_POSE) rep.u8(b, "pose angle");
  for (const b of UNSPECIFIED_POSE) rep.u8(b, "pose angle uncertainty");
  // Image information block (11 bytes).
  rep
    .u8(FULL_FRONTAL, "face image type")
    .u8(FACE_IMAGE_DATA_TYPE[input.dataType], "image data type")
    .u16(input.width, "width")
    .u16(input.height, "height")
    .u8(0, "spatial sampling rate level")
    .u16(0, "post-acquisition processing")
    .u8(0, "cross reference")
    .u8(input.colourSpace ?? 1, "colour space")
    .u32(input.image.byteLength, "image length")
    .bytes(input.image);
  return assembleRecord("FAC", "030", (w) => w.u16(1, "representation count").u8(0, "certification flag").u16(0, "temporal semantics"), [
    withLength(rep, "representation"),
  ]);
}
