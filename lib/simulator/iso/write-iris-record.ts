// ISO/IEC 19794-6:2011 iris image record ("IIR\0" "020\0"): one eye, one rectilinear image.
// Layout in contract notes 5.3.

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

/** Image format codes of the 2011 edition the simulator can produce (mono). */
export const IRIS_IMAGE_FORMAT = { MONO_JPEG: 0x06, MONO_PNG: 0x0e } as const;
export type IrisImageFormat = keyof typeof IRIS_IMAGE_FORMAT;

export interface IrisRecordInput {
  eye: "LEFT" | "RIGHT";
  format: IrisImageFormat;
  width: number;
  height: number;
  image: Uint8Array;
  quality: readonly QualityBlockInput[];
  captureDate?: Date;
  /** Iris centre and diameters in pixels, when known. */
  geometry?: { cx: number; cy: number; diameter: number };
  device?: CaptureDevice;
}

/** Image type 2 = uncropped (a plain 640x480 camera frame). */
const UNCROPPED = 2;
/** Capture device technology 1 = CMOS/CCD. */
const CMOS = 1;
/** Roll angle and its uncertainty: 0xFFFF = undefined. */
const UNDEFINED_U16 = 0xffff;

export function writeIrisRecord(input: IrisRecordInput): Buffer {
  const rep = new ByteWriter();
  writeCaptureDate(rep, input.captureDate ?? new Date());
  writeDevice(rep, input.device ?? {}, CMOS);
  writeQualityBlocks(rep, input.quality);
  const g = input.geometry;
  rep
    .u16(1, "representation number")
    .u8(input.eye === "RIGHT" ? 1 : 2, "eye label")
    .u8(UNCROPPED, "image type")
    .u8(IRIS_IMAGE_FORMAT[input.format], "image format")
    // Bits 0-1 horizontal orientation 1 (base), bits 2-3 vertical 1 (base), bit 4-5 compression history 0.
    .u8(0x05, "image properties")
    .u16(input.width, "width")
    .u16(input.height, "height")
    .u8(8, "bit depth")
    .u16(0, "range")
    .u16(UNDEFINED_U16, "roll angle")
    .u16(UNDEFINED_U16, "roll angle uncertainty")
    .u16(g ? Math.round(g.cx) : 0, "iris centre smallest x")
    .u16(g ? Math.round(g.cx) : 0, "iris centre largest x")
    .u16(g ? Math.round(g.cy) : 0, "iris centre smallest y")
    .u16(g ? Math.round(g.cy) : 0, "iris centre largest y")
    .u16(g ? Math.round(g.diameter) : 0, "iris diameter smallest")
    .u16(g ? Math.round(g.diameter) : 0, "iris diameter largest")
    .u32(input.image.byteLength, "image length")
    .bytes(input.image);
  return assembleRecord("IIR", "020", (w) => w.u16(1, "representation count").u8(0, "certification flag").u8(1, "eyes represented"), [
    withLength(rep, "representation"),
  ]);
}
