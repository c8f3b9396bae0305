// ISO/IEC 19794-4:2011 finger image record ("FIR\0" "020\0"), one finger per record as MOSIP's
// devices send it. Layout in contract notes 5.3; certification flag 0, so no certification blocks.

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

/** 2011 compression codes the simulator can produce. */
export const FINGER_COMPRESSION = { WSQ: 2, PNG: 6 } as const;
export type FingerCompression = keyof typeof FINGER_COMPRESSION;

export interface FingerRecordInput {
  /** ISO position code: 1 right thumb ... 5 right little, 6 left thumb ... 10 left little. */
  positionCode: number;
  compression: FingerCompression;
  width: number;
  height: number;
  image: Uint8Array;
  /** Pixels per inch; written as both capture and image sampling rate. */
  ppi?: number;
  quality: readonly QualityBlockInput[];
  captureDate?: Date;
  /** 0 = live-scan plain (what MOSIP's slap scanners produce). */
  impressionType?: number;
  device?: CaptureDevice;
}

/** Scale units 1 = pixels per inch. */
const SCALE_PPI = 1;
/** Capture device technology 9 = optical (19794-4 table), a typical slap scanner. */
const OPTICAL = 9;

export function writeFingerRecord(input: FingerRecordInput): Buffer {
  const ppi = input.ppi ?? 500;
  const rep = new ByteWriter();
  writeCaptureDate(rep, input.captureDate ?? new Date());
  writeDevice(rep, input.device ?? {}, OPTICAL);
  writeQualityBlocks(rep, input.quality);
  rep
    .u8(input.positionCode, "finger position")
    .u8(0, "representation number")
    .u8(SCALE_PPI, "scale units")
    .u16(ppi, "capture sampling rate h")
    .u16(ppi, "capture sampling rate v")
    .u16(ppi, "image sampling rate h")
    .u16(ppi, "image sampling rate v")
    .u8(8, "bit depth")
    .u8(FINGER_COMPRESSION[input.compression], "compression")
    .u8(input.impressionType ?? 0, "impression type")
    .u16(input.width, "width")
    .u16(input.height, "height")
    .u32(input.image.byteLength, "image length")
    .bytes(input.image);
  return assembleRecord("FIR", "020", (w) => w.u16(1, "representation count").u8(0, "certification flag").u8(1, "finger positions"), [
    withLength(rep, "representation"),
  ]);
}
